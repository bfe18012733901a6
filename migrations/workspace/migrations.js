import journal from './meta/_journal.json';
import m0000 from './0000_next_the_spike.sql';
import m0001 from './0001_flat_the_executioner.sql';
import m0002 from './0002_cooing_romulus.sql';

  export default {
    journal,
    migrations: {
      m0000,
m0001,
m0002
    }
  }
  