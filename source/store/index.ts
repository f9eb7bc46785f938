// The store's public face: saved topologies, topology files and their errors.
export {ConflictError, StoreError, isStoreError, type StoreErrorKind} from './errors.js';
export {type LoadedTopology, type WriteMode} from './document.js';
export {NAME_RULE, isValidName, nameError} from './names.js';
export {TopologyStore, openStore, type SaveMode, type SavedTopology, type StoreOptions} from './store.js';
export {loadTopologyFile, openTopology, resolveTopologyArg, saveTopologyFile} from './files.js';
export {isFileArg, locateTopology, storePaths, type StorePaths, type TopologySource} from './locate.js';
export {SCHEMA_VERSION} from '../model/schema.js';
export {upgradeDocument, upgrades, type Upgrade, type UpgradeTable, type Upgrader} from './upgrade.js';
