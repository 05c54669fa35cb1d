import * as migration_20261123_210313_initial from './20261123_210313_initial';

export const migrations = [
  {
    up: migration_20261123_210313_initial.up,
    down: migration_20261123_210313_initial.down,
    name: '20261123_210313_initial'
  },
];
