import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// The hourly composing of the top units' default dashboards (this year, the default campaign), kept
/// by `DashboardCache` when they are slow. Each instance keeps its own, so each composes them.
enum DashboardWarmUp {
    /// Returns how many dashboards were kept.
    @discardableResult
    static func run(_ app: Application) async throws -> Int {
        let sql = app.db.sql
        let tree = try await OrgDirectory.tree(on: app.db)
        let calendar = try await CalendarStore.calendar(on: app.db)
        let now = app.clock.now()
        let today = LocalDate(now, in: .chinaStandard)
        let roots = tree.nodes.values.filter { $0.parentID == nil }.sorted { $0.name < $1.name }
        let units = roots.flatMap { [$0] + tree.children(of: $0.id) }
        let days = DashboardComposer.defaultDays(today: today)
        var kept = 0
        for unit in units {
            let campaign = try await DashboardComposer.defaultCampaign(for: unit.id, tree: tree, today: today, on: sql)
            // Read as a leader of the unit reads it: its whole subtree.
            let actor = Actor(userID: UUID(), roles: [.leader], orgUnitID: unit.id)
            let started = Date()
            let dashboard = try await DashboardComposer(
                actor: actor, tree: tree, sql: sql, calendar: calendar, now: now
            ).compose(unit: unit.id, from: days.from, to: days.to, campaign: campaign)
            let seconds = Date().timeIntervalSince(started)
            let key = DashboardCache.Key(unit: unit.id, from: days.from, to: days.to, campaign: campaign?.id)
            await app.dashboardCache.keep(dashboard, for: key, composedAt: now, seconds: seconds)
            if seconds >= app.dashboardCache.slowerThan { kept += 1 }
        }
        return kept
    }
}

extension HourlyJob {
    /// Composes the top units' dashboards every hour, so that the slow ones are kept fresh
    /// (`DashboardCache`) before anyone asks.
    static var dashboardWarmUp: HourlyJob {
        HourlyJob("Dashboard warm-up") { app in
            let kept = try await DashboardWarmUp.run(app)
            if kept > 0 { app.logger.info("Dashboard warm-up: \(kept) dashboards kept") }
        }
    }
}
