// The store's public face: saved topologies, topology files and their errors.
export {ConflictError, StoreError, isStoreError, type StoreErrorKind} from './errors.js';
export {type LoadedTopology, type WriteMode} from './document.js';
export {NAME_RULE, isValidName, nameError} from './names.js';
export {TopologyStore, openStore, type SaveMode, type SavedTopology, type StoreOptions} from './store.js';
export {isFileArg, loadTopologyFile, openTopology, resolveTopologyArg, saveTopologyFile, type TopologySource} from './files.js';
export {SCHEMA_VERSION} from '../model/schema.js';
export {upgradeDocument, upgrades, type Upgrade, type UpgradeTable, type Upgrader} from './upgrade.js';
