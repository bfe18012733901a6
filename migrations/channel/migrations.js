import journal from './meta/_journal.json';
import m0000 from './0000_even_may_parker.sql';
import m0001 from './0001_damp_snowbird.sql';
import m0002 from './0002_curious_snowbird.sql';
import m0003 from './0003_known_mephisto.sql';
import m0004 from './0004_mute_marrow.sql';
import m0005 from './0005_volatile_mastermind.sql';
import m0006 from './0006_worried_valkyrie.sql';
import m0007 from './0007_pink_vivisector.sql';
import m0008 from './0008_search.sql';

  export default {
    journal,
    migrations: {
      m0000,
m0001,
m0002,
m0003,
m0004,
m0005,
m0006,
m0007,
m0008
    }
  }
  