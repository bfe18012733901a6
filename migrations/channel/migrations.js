import journal from './meta/_journal.json';
import m0000 from './0000_even_may_parker.sql';
import m0001 from './0001_damp_snowbird.sql';
import m0002 from './0002_curious_snowbird.sql';
import m0003 from './0003_known_mephisto.sql';
import m0004 from './0004_mute_marrow.sql';
import m0005 from './0005_volatile_mastermind.sql';
import m0006 from './0006_worried_valkyrie.sql';

  export default {
    journal,
    migrations: {
      m0000,
m0001,
m0002,
m0003,
m0004,
m0005,
m0006
    }
  }
  