import Fluent
import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// After the daily 催办 run has committed, posts each org's overdue problems as JSON to the org's
/// webhook, if its admins set one (`OrgSettingsService`): a chat robot or the org's own system
/// receives what the bell shows. Best effort: a failed delivery is logged and tomorrow's run sends the
/// day's list again; it never undoes the run.
enum OverdueWebhooks {
    struct Payload: Content, Equatable {
        let event: String
        let date: String
        let orgUnitId: UUID
        let orgUnitName: String
        let text: String
        let problems: [OverdueSweep.Overdue]
    }

    /// Posts to every org of `report` that has a webhook; returns how many answered 2xx.
    @discardableResult
    static func deliver(
        _ report: OverdueSweep.Report, today: LocalDate, on database: any Database, client: any Client,
        logger: Logger
    ) async -> Int {
        guard !report.byOrg.isEmpty else { return 0 }
        let hooks: [UUID: String]
        let tree: OrgTree
        do {
            hooks = try await OrgSettingsService.webhooks(
                of: Array(report.byOrg.keys), on: database.sql)
            tree = try await OrgDirectory.tree(on: database)
        } catch {
            logger.error("Overdue webhooks: could not read the settings: \(error)")
            return 0
        }
        var delivered = 0
        for (unit, url) in hooks.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            let problems = report.byOrg[unit] ?? []
            let name = tree[unit]?.name ?? ""
            let payload = Payload(
                event: "overdue", date: today.iso, orgUnitId: unit, orgUnitName: name,
                text: "\(name)今日超期问题\(problems.count)件："
                    + problems.prefix(20).map { "\($0.number)（超期\($0.workingDaysLate)个工作日）" }.joined(separator: "、"),
                problems: problems)
            do {
                let response = try await client.post(URI(string: url), headers: ["User-Agent": "jieyou"]) {
                    try $0.content.encode(payload)
                    $0.timeout = .seconds(10)
                }
                if (200..<300).contains(response.status.code) {
                    delivered += 1
                } else {
                    logger.warning("Overdue webhook of \(name) answered \(response.status.code)")
                }
            } catch {
                logger.warning("Overdue webhook of \(name) failed: \(error)")
            }
        }
        return delivered
    }
}
