import journal from './meta/_journal.json';
import m0000 from './0000_lyrical_scrambler.sql';
import m0001 from './0001_ambiguous_luckman.sql';
import m0002 from './0002_colossal_phalanx.sql';
import m0003 from './0003_sharp_madame_hydra.sql';

  export default {
    journal,
    migrations: {
      m0000,
m0001,
m0002,
m0003
    }
  }
  