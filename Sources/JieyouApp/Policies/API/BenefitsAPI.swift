import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// `/api/v1/benefits`: the 兑现 ledger. Readers of policies read their subtree's (or `orgUnit`'s);
/// an enterprise reads its own; the 政策小组 records. Amounts are 万元 as exact decimal text, with
/// the same amount in whole 分 beside it.
struct BenefitsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let benefits = routes.grouped("benefits")
        benefits.get(use: list)
        benefits.post(use: create)
    }

    struct AmountDTO: Content {
        /// 万元, exact (`733.14`).
        let amount: String
        let amountFen: Int64

        init(_ amount: Amount) {
            self.amount = amount.wan
            amountFen = amount.fen
        }
    }

    struct KindTotalDTO: Content {
        let kind: String
        let name: String
        let amount: String
        let amountFen: Int64
    }

    struct TotalsDTO: Content {
        let count: Int
        let amount: String
        let amountFen: Int64
        let byKind: [KindTotalDTO]
        /// The report's sentence (兑现各类优惠政策733.14万元，减免所得税…).
        let sentence: String

        init(_ totals: BenefitTotals) {
            count = totals.count
            amount = totals.total.wan
            amountFen = totals.total.fen
            byKind = totals.lines.map {
                KindTotalDTO(
                    kind: $0.kind.rawValue, name: $0.kind.chineseName, amount: $0.amount.wan, amountFen: $0.amount.fen)
            }
            sentence = totals.sentence
        }
    }

    struct PolicyTotalDTO: Content {
        let policyId: UUID?
        let title: String
        let totals: TotalsDTO
    }

    struct BenefitDTO: Content {
        let id: UUID
        let enterpriseId: UUID
        let enterpriseName: String
        let policyId: UUID?
        let policyTitle: String?
        let kind: String
        let amount: String
        let amountFen: Int64
        let grantedOn: String
        let note: String?
    }

    struct LedgerDTO: Content {
        let totals: TotalsDTO
        let byPolicy: [PolicyTotalDTO]
        /// The latest entries, at most 500.
        let items: [BenefitDTO]
    }

    @Sendable func list(req: Request) async throws -> LedgerDTO {
        let summary = try await req.policyDesk().benefits(req.queryText).summary
        return LedgerDTO(
            totals: TotalsDTO(summary.totals),
            byPolicy: summary.byPolicy.map {
                PolicyTotalDTO(policyId: $0.policyId, title: $0.title, totals: TotalsDTO($0.totals))
            },
            items: summary.entries.map {
                BenefitDTO(
                    id: $0.id, enterpriseId: $0.enterpriseId, enterpriseName: $0.enterpriseName, policyId: $0.policyId,
                    policyTitle: $0.policyTitle, kind: $0.kind.rawValue, amount: $0.amount.wan,
                    amountFen: $0.amount.fen,
                    grantedOn: $0.grantedOn, note: $0.note)
            })
    }

    /// Whose benefits a request reads and how it filters them; shared by the page and the API. Bad
    /// parameters are a 400 naming each.

    struct BenefitWrite: Content {
        let enterpriseId: UUID?
        let policyId: UUID?
        let kind: String?
        let amount: FlexibleText?
        let grantedOn: String?
        let note: String?
    }

    struct Created: Content {
        let id: UUID
    }

    @Sendable func create(req: Request) async throws -> Response {
        let desk = try await req.policyDesk()
        let body = try req.content.decode(BenefitWrite.self)
        guard let enterprise = body.enterpriseId else { throw AppError.invalid("enterpriseId", "请选择企业") }
        let id = try await desk.addBenefit(
            BenefitDraft(kind: body.kind, amount: body.amount?.text, grantedOn: body.grantedOn, note: body.note),
            enterprise: enterprise, policy: body.policyId)
        return try await Created(id: id).encodeResponse(status: .created, for: req)
    }
}
