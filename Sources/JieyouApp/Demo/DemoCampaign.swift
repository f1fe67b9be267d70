import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// The demo's 专项行动 with its meetings and a 一对一专班, set over the weeks the demo visits span:
/// a campaign that began eight weeks ago, the 政银企对接会 of seed 003 (35 enterprises, 18.7亿元
/// intended, 5500万元 lent on site), a 供需对接会, a 座谈会 and a 政策宣讲会.
struct DemoCampaign {
    let app: Application
    let actor: Actor
    let now: Date

    static let banks = ["工商银行长沙分行", "建设银行湖南省分行", "农业银行长沙分行", "中国银行长沙分行", "长沙银行", "湖南银行"]
    /// 万元, seed 003: 18.7亿元 intended by 35 enterprises, 5500万元 lent on the spot by four.
    static let intendedTotalWan = 187_000
    static let lent: [Int] = [2000, 1500, 1200, 800]

    func load(gaoxin: UUID, key: [UUID], users: [String: UUID], departments: [String: UUID]) async throws {
        let db = app.db
        let today = LocalDate(now, in: .chinaStandard)
        _ = try await CampaignService(database: db, now: now).create(
            CampaignDraft(
                name: "“两重”“两新”送解优专项行动", startsOn: today.adding(days: -56).iso,
                mobilisationEndsOn: today.adding(days: -50).iso, actionEndsOn: today.adding(days: 30).iso,
                endsOn: today.adding(days: 60).iso, scope: CampaignScope.aboveScale.rawValue, requiredVisits: 3,
                cadences: [ReportingCadence.weekly.rawValue, ReportingCadence.tenDay.rawValue]),
            orgUnit: gaoxin, by: actor)

        let meetings = MeetingService(database: db, now: now)
        let attending = Array(key.prefix(35))
        var intended = attending.indices.map { 3000 + ($0 * 37 % 20) * 230 }
        intended[intended.count - 1] += Self.intendedTotalWan - intended.reduce(0, +)
        let financings = attending.enumerated().map { index, id in
            MeetingInput.Financing(
                enterpriseID: id, bank: Self.banks[index % Self.banks.count], intendedWan: String(intended[index]),
                lentWan: index < Self.lent.count ? String(Self.lent[index]) : nil)
        }
        _ = try await meetings.record(
            MeetingInput(
                orgUnitID: gaoxin, kind: MeetingKind.financing.rawValue, title: "长沙高新区政银企对接会",
                heldOn: today.adding(days: -30).iso, place: "高新区管委会三楼会议室",
                departmentID: departments["gaoxin/经济发展局"],
                notes: "6家银行、35家企业参会，现场签约授信并当场放款。", enterpriseIDs: attending,
                findings: [
                    .init(enterpriseID: attending[5], kind: "problem", text: "抵押物不足，希望开展知识产权质押融资"),
                    .init(enterpriseID: attending[9], kind: "suggestion", text: "建议设立园区转贷应急资金池"),
                ],
                financings: financings),
            by: actor)
        let counterparts = ["三一重工股份有限公司", "中联重科股份有限公司", "湖南中烟工业有限责任公司"]
        _ = try await meetings.record(
            MeetingInput(
                orgUnitID: gaoxin, kind: MeetingKind.supplyDemand.rawValue, title: "产业链上下游供需对接会",
                heldOn: today.adding(days: -21).iso, place: "麓谷企业广场",
                enterpriseIDs: Array(key.dropFirst(35).prefix(12)),
                deals: key.dropFirst(35).prefix(3).enumerated().map { index, id in
                    .init(
                        enterpriseID: id, counterpart: counterparts[index], subject: "零部件配套采购",
                        amountWan: String(800 + index * 450))
                }),
            by: actor)
        _ = try await meetings.record(
            MeetingInput(
                orgUnitID: gaoxin, kind: MeetingKind.symposium.rawValue, title: "规上企业座谈会",
                heldOn: today.adding(days: -45).iso, place: "高新区管委会", departmentID: departments["gaoxin/服务小组"],
                enterpriseIDs: Array(key.dropFirst(50).prefix(15)),
                findings: [
                    .init(enterpriseID: key[52], kind: "problem", text: "工业用地容积率调整审批周期长"),
                    .init(enterpriseID: key[55], kind: "problem", text: "高峰时段限电影响连续生产"),
                ]),
            by: actor)
        _ = try await meetings.record(
            MeetingInput(
                orgUnitID: gaoxin, kind: MeetingKind.policyBriefing.rawValue, title: "设备更新和以旧换新政策宣讲会",
                heldOn: today.adding(days: -40).iso, place: "麓谷企业广场报告厅",
                enterpriseIDs: Array(key.dropFirst(65).prefix(25))),
            by: actor)
        _ = try await TeamService(database: db, now: now).save(
            TeamInput(
                orgUnitID: gaoxin, kind: TeamKind.keyEnterprise.rawValue, name: "链主企业一对一服务专班",
                leaderID: users["gx_leader"], memberIDs: [users["gx_cadre"]!, users["gx_cadre2"]!],
                enterpriseIDs: Array(key.prefix(2))),
            id: nil, by: actor)
    }
}
