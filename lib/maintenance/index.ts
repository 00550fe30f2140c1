/**
 * Keeping Tarn's tables and catalog tidy: the trash purge today; compaction, snapshot
 * expiry and orphan-file removal belong here as they arrive.
 *
 *   const stop = startMaintenance({ db, io });   // at server start
 */
export { MAINTENANCE_INTERVAL_MS, type MaintenanceContext, purgeDueTrash, startMaintenance } from "./scheduler";
