import journal from './meta/_journal.json';
import m0000 from './0000_even_may_parker.sql';

  export default {
    journal,
    migrations: {
      m0000
    }
  }
  