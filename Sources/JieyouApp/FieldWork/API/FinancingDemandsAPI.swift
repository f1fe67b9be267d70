import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// `/api/v1/financing-demands`: 融资诉求. Readers of the registry read their subtree's with totals by
/// status; an enterprise reads its own; cadres, dispatchers and admins record and follow them. Amounts
/// are 万元 as exact decimal text with whole 分 beside them.
struct FinancingDemandsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let demands = routes.grouped("financing-demands")
        demands.get(use: list)
        demands.post(use: create)
        demands.get(":id", use: show)
        demands.post(":id", "steps", use: advance)
    }

    struct DemandDTO: Content {
        let id: UUID
        let orgUnitId: UUID
        let enterpriseId: UUID
        let enterpriseName: String
        let amount: String
        let amountFen: Int64
        let purpose: String
        let raisedOn: String
        let status: String
        let statusName: String
        let nextStatuses: [String]
        let bank: String?
        let amountLent: String?
        let amountLentFen: Int64?
        let matchedOn: String?
        let lentOn: String?
        let failedOn: String?
        let reason: String?
        let meetingId: UUID?
        let meetingTitle: String?
        let note: String?

        init(_ d: FinancingRecord) {
            id = d.id
            orgUnitId = d.orgUnitId
            enterpriseId = d.enterpriseId
            enterpriseName = d.enterpriseName
            amount = d.amount.wan
            amountFen = d.amount.fen
            purpose = d.purpose
            raisedOn = d.raisedOn
            status = d.status.rawValue
            statusName = d.status.chineseName
            nextStatuses = d.status.nextStatuses.map(\.rawValue)
            bank = d.bank
            amountLent = d.lent?.wan
            amountLentFen = d.lent?.fen
            matchedOn = d.matchedOn
            lentOn = d.lentOn
            failedOn = d.failedOn
            reason = d.reason
            meetingId = d.meetingId
            meetingTitle = d.meetingTitle
            note = d.note
        }
    }

    struct TotalsDTO: Content {
        let count: Int
        let amount: String
        let amountLent: String
        let byStatus: [String: Int]
        /// The report's sentence (收集融资诉求12项、需求金额…).
        let sentence: String

        init(_ t: FinancingTotals) {
            count = t.count
            amount = t.asked.wan
            amountLent = t.lent.wan
            byStatus = Dictionary(uniqueKeysWithValues: t.byStatus.map { ($0.key.rawValue, $0.value) })
            sentence = t.sentence
        }
    }

    struct ListDTO: Content {
        let totals: TotalsDTO
        let items: [DemandDTO]
    }

    @Sendable func list(req: Request) async throws -> ListDTO {
        let (_, totals, items) = try await req.fieldWorkDesk().financingDemands(status: req.queryText("status"))
        return ListDTO(totals: TotalsDTO(totals), items: items.map(DemandDTO.init))
    }

    @Sendable func show(req: Request) async throws -> DemandDTO {
        DemandDTO(try await req.fieldWorkDesk().financingDemand(try req.idParameter("融资诉求")))
    }

    struct DemandWrite: Content {
        let enterpriseId: UUID?
        let amount: FlexibleText?
        let purpose: String?
        let raisedOn: String?
        let note: String?
    }

    struct Created: Content {
        let id: UUID
    }

    @Sendable func create(req: Request) async throws -> Response {
        let body = try req.content.decode(DemandWrite.self)
        let id = try await req.fieldWorkDesk().raiseFinancingDemand(
            FinancingDemandDraft(
                amount: body.amount?.text, purpose: body.purpose, raisedOn: body.raisedOn, note: body.note),
            enterprise: body.enterpriseId)
        return try await Created(id: id).encodeResponse(status: .created, for: req)
    }

    struct StepWrite: Content {
        let status: String?
        let on: String?
        let bank: String?
        let amountLent: FlexibleText?
        let reason: String?
    }

    @Sendable func advance(req: Request) async throws -> DemandDTO {
        let id = try req.idParameter("融资诉求")
        let body = try req.content.decode(StepWrite.self)
        try await req.fieldWorkDesk().advanceFinancingDemand(
            id,
            FinancingStepDraft(
                status: body.status, on: body.on, bank: body.bank, amountLent: body.amountLent?.text,
                reason: body.reason))
        return try await show(req: req)
    }
}
