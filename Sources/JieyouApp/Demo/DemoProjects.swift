import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// The demo's 项目申报, as seed 004 tells it: the park organised 26 projects to apply for 两重两新
/// funds, asking about 4.4亿元 in all (exactly 44000万元 here); one enterprise's battery-recycling
/// project was approved for 2000余万元 of 国债 funds. That one is the signed-in demo enterprise's, so its
/// account shows it; the money is paid today, which keeps last quarter's 兑现 as seed 003 reports it.
struct DemoProjects {
    let app: Application
    let now: Date

    /// The other 25 applications' amounts in 万元; with the approved project's 3600 they make 44000.
    static let asked: [Int] = [
        1800, 2200, 1500, 960, 1350, 2400, 1650, 1280, 900, 2100, 1750, 1120, 1460, 2650, 980, 1530, 1870, 1340,
        2020, 1190, 1600, 1420, 2300, 1080, 1950,
    ]
    static let approvedAsked = "3600"
    static let approvedGranted = "2036.5"

    static let projectKinds = [
        "智能化改造项目", "设备更新项目", "数字化车间建设项目", "绿色低碳技术改造项目", "生产线技术升级项目",
    ]
    static let funds: [ProjectFund] = [
        .ultraLongBonds, .equipmentRelending, .centralBudget, .ultraLongBonds, .provincialFunds, .specialBonds,
    ]
    static let rejections = ["不符合超长期特别国债支持方向", "项目前期手续不齐全，待补充后重新申报", "已获其他中央资金支持，不得重复申报"]

    /// `equipment` and `relending` are the demo's two 两新 policies; `enterprises` the park's enterprises
    /// that fit the first.
    func load(
        dispatcher: Actor, equipment: UUID, relending: UUID, enterprises: [UUID], signedInEnterprise: UUID?
    ) async throws {
        let today = LocalDate(now, in: .chinaStandard)
        let service = ProjectApplications(database: app.db, now: now)
        let sql = app.db.sql
        var names: [UUID: String] = [:]
        for row in try await sql.raw("SELECT id, name FROM enterprises WHERE id IN (\(binds: enterprises))").all() {
            names[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "name", as: String.self)
        }
        if let signedInEnterprise {
            let id = try await service.create(
                ProjectApplicationDraft(
                    name: "废旧锂电池资源化利用制备动力电池高端材料项目（一期）", fund: ProjectFund.ultraLongBonds.rawValue,
                    amountAsked: Self.approvedAsked, appliedOn: today.adding(days: -75).iso,
                    note: "走访中发现项目与“两重”领域契合，园区指导企业组织申报"),
                enterprise: signedInEnterprise, policy: equipment, by: dispatcher)
            for (stage, days) in [(ProjectStage.reviewing, -60), (.listed, -30)] {
                try await service.advance(
                    id, ProjectStepDraft(stage: stage.rawValue, on: today.adding(days: days).iso), by: dispatcher)
            }
            try await service.advance(
                id,
                ProjectStepDraft(
                    stage: ProjectStage.disbursed.rawValue, on: today.iso, amountGranted: Self.approvedGranted),
                by: dispatcher)
        }
        // The other 25 belong to other enterprises, so the signed-in one's account shows its one project.
        let enterprises = enterprises.filter { $0 != signedInEnterprise }
        guard !enterprises.isEmpty else { return }
        for (index, amount) in Self.asked.enumerated() {
            let enterprise = enterprises[index * 5 % enterprises.count]
            let short = (names[enterprise] ?? "企业").replacingOccurrences(of: "有限公司", with: "")
                .replacingOccurrences(of: "股份", with: "")
            let fund = Self.funds[index % Self.funds.count]
            let id = try await service.create(
                ProjectApplicationDraft(
                    name: "\(short)\(Self.projectKinds[index % Self.projectKinds.count])", fund: fund.rawValue,
                    amountAsked: String(amount), appliedOn: today.adding(days: -(70 - index * 2)).iso),
                enterprise: enterprise, policy: fund == .equipmentRelending ? relending : equipment, by: dispatcher)
            // 4 入库, 3 未通过, 10 审核中, the last 8 just filed.
            let path: [(ProjectStage, Int, String?)] =
                switch index {
                case 0..<4: [(.reviewing, -40, nil), (.listed, -15, nil)]
                case 4..<7: [(.reviewing, -40, nil), (.rejected, -12, Self.rejections[index - 4])]
                case 7..<17: [(.reviewing, -10, nil)]
                default: []
                }
            for (stage, days, reason) in path {
                try await service.advance(
                    id, ProjectStepDraft(stage: stage.rawValue, on: today.adding(days: days).iso, reason: reason),
                    by: dispatcher)
            }
        }
    }
}
