import Vapor

/// The process's kept dashboards (`DashboardCache`), one per application.
extension Application {
    private struct DashboardCacheKey: StorageKey {
        typealias Value = DashboardCache
    }

    var dashboardCache: DashboardCache {
        get {
            if let cache = storage[DashboardCacheKey.self] { return cache }
            let cache = DashboardCache()
            storage[DashboardCacheKey.self] = cache
            return cache
        }
        set { storage[DashboardCacheKey.self] = newValue }
    }
}
