import journal from './meta/_journal.json';
import m0000 from './0000_next_the_spike.sql';

  export default {
    journal,
    migrations: {
      m0000
    }
  }
  