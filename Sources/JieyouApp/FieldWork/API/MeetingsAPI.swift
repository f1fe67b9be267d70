import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// `/api/v1/meetings`: 活动 with attending enterprises and outcomes (problems, financing, deals).
struct MeetingsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let meetings = routes.grouped("meetings")
        meetings.get(use: list)
        meetings.post(use: create)
        meetings.get(":id", use: show)
    }

    struct FindingWrite: Content {
        let enterpriseId: UUID?
        let kind: String?
        let text: String?
    }

    struct FinancingWrite: Content {
        let enterpriseId: UUID?
        let bank: String?
        /// 万元, as text or number: `1500`, `85.5`.
        let intendedWan: WanAmount?
        let lentWan: WanAmount?
    }

    struct DealWrite: Content {
        let enterpriseId: UUID?
        let counterpart: String?
        let subject: String?
        let amountWan: WanAmount?
    }

    struct MeetingWrite: Content {
        let orgUnitId: UUID?
        let kind: String?
        let title: String?
        let heldOn: String?
        let place: String?
        let departmentId: UUID?
        let notes: String?
        let enterpriseIds: [UUID]?
        let findings: [FindingWrite]?
        let financings: [FinancingWrite]?
        let deals: [DealWrite]?
        /// For a 政策宣讲会/解读会: the policies presented.
        let policyIds: [UUID]?
    }

    struct MeetingList: Content {
        let items: [MeetingSummary]
    }

    @Sendable func create(req: Request) async throws -> Response {
        let body = try req.content.decode(MeetingWrite.self)
        let input = MeetingInput(
            orgUnitID: body.orgUnitId, kind: body.kind, title: body.title, heldOn: body.heldOn, place: body.place,
            departmentID: body.departmentId, notes: body.notes, enterpriseIDs: body.enterpriseIds ?? [],
            findings: (body.findings ?? []).map { .init(enterpriseID: $0.enterpriseId, kind: $0.kind, text: $0.text) },
            financings: (body.financings ?? []).map {
                .init(
                    enterpriseID: $0.enterpriseId, bank: $0.bank, intendedWan: $0.intendedWan?.text,
                    lentWan: $0.lentWan?.text)
            },
            deals: (body.deals ?? []).map {
                .init(
                    enterpriseID: $0.enterpriseId, counterpart: $0.counterpart, subject: $0.subject,
                    amountWan: $0.amountWan?.text)
            }, policyIDs: body.policyIds ?? [])
        let id = try await req.fieldWorkDesk().recordMeeting(input)
        req.parameters.set("id", to: id.uuidString)
        return try await show(req: req).encodeResponse(status: .created, for: req)
    }

    /// Newest first, at most `limit` (default 50, at most 200); filters `enterprise`, `kind`, `from`, `to`.
    @Sendable func list(req: Request) async throws -> MeetingList {
        let desk = try await req.fieldWorkDesk()
        let filter = try FieldWorkFilter(query: req.queryText, reach: .units(try desk.units()))
        let limit = try req.pageLimit(maximum: 200)
        return MeetingList(items: try await desk.meetings(filter, limit: limit))
    }

    @Sendable func show(req: Request) async throws -> MeetingDetail {
        try await req.fieldWorkDesk().meeting(try req.idParameter("活动"))
    }

}

/// An amount in 万元 that a client may send as a JSON number or as text; kept as text so the domain
/// parses both the same way (and `1e3` or `-5` are refused with the field named).
struct WanAmount: Codable, Sendable {
    let text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            text = string
        } else if let int = try? container.decode(Int64.self) {
            text = String(int)
        } else {
            text = String(describing: try container.decode(Decimal.self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

extension MeetingDetail: Content {}
