import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// `/api/v1/projects`: 项目申报. Readers of policies read their subtree's applications (or `orgUnit`'s)
/// with totals by stage; an enterprise reads its own; the 政策小组 records them and moves each one a
/// step at a time. Amounts are 万元 as exact decimal text, with whole 分 beside them.
struct ProjectsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let projects = routes.grouped("projects")
        projects.get(use: list)
        projects.post(use: create)
        projects.get(":id", use: show)
        projects.post(":id", "steps", use: advance)
    }

    struct StepDTO: Content {
        let stage: String
        let name: String
        let on: String
    }

    struct ProjectDTO: Content {
        let id: UUID
        let orgUnitId: UUID
        let enterpriseId: UUID
        let enterpriseName: String
        let policyId: UUID?
        let policyTitle: String?
        let name: String
        let fund: String
        let fundName: String
        let amountAsked: String
        let amountAskedFen: Int64
        let amountGranted: String?
        let amountGrantedFen: Int64?
        let stage: String
        let stageName: String
        /// The stages it may move to next (empty once 兑现 or 未通过).
        let nextStages: [String]
        let steps: [StepDTO]
        let reason: String?
        let note: String?

        init(_ p: ProjectRecord) {
            id = p.id
            orgUnitId = p.orgUnitId
            enterpriseId = p.enterpriseId
            enterpriseName = p.enterpriseName
            policyId = p.policyId
            policyTitle = p.policyTitle
            name = p.name
            fund = p.fund.rawValue
            fundName = p.fund.chineseName
            amountAsked = p.amountAsked.wan
            amountAskedFen = p.amountAsked.fen
            amountGranted = p.amountGranted?.wan
            amountGrantedFen = p.amountGranted?.fen
            stage = p.stage.rawValue
            stageName = p.stage.chineseName
            nextStages = p.stage.nextStages.map(\.rawValue)
            steps = p.steps.map { StepDTO(stage: $0.stage.rawValue, name: $0.stage.chineseName, on: $0.on) }
            reason = p.reason
            note = p.note
        }
    }

    struct StageTotalDTO: Content {
        let stage: String
        let name: String
        let count: Int
        let amountAsked: String
    }

    struct TotalsDTO: Content {
        let count: Int
        let amountAsked: String
        let amountAskedFen: Int64
        let amountGranted: String
        let amountGrantedFen: Int64
        let byStage: [StageTotalDTO]
        /// The report's sentence (组织26个项目申报，申报资金需求4.4亿元；…).
        let sentence: String

        init(_ t: ProjectTotals) {
            count = t.count
            amountAsked = t.asked.wan
            amountAskedFen = t.asked.fen
            amountGranted = t.granted.wan
            amountGrantedFen = t.granted.fen
            byStage = ProjectStage.allCases.compactMap { stage in
                t.byStage[stage].map {
                    StageTotalDTO(
                        stage: stage.rawValue, name: stage.chineseName, count: $0.count, amountAsked: $0.asked.wan)
                }
            }
            sentence = t.sentence
        }
    }

    struct ListDTO: Content {
        let totals: TotalsDTO
        /// The latest applications, at most 500.
        let items: [ProjectDTO]
    }

    @Sendable func list(req: Request) async throws -> ListDTO {
        let (totals, items, _) = try await req.policyDesk().projects(req.queryText)
        return ListDTO(totals: TotalsDTO(totals), items: items.map(ProjectDTO.init))
    }

    /// Whose applications a request reads and how it filters them; shared by the page and the API.

    @Sendable func show(req: Request) async throws -> ProjectDTO {
        let id = try req.idParameter("项目申报")
        return ProjectDTO(try await req.policyDesk().project(id))
    }

    struct ProjectWrite: Content {
        let enterpriseId: UUID?
        let policyId: UUID?
        let name: String?
        let fund: String?
        let amountAsked: FlexibleText?
        let appliedOn: String?
        let note: String?
    }

    struct Created: Content {
        let id: UUID
    }

    @Sendable func create(req: Request) async throws -> Response {
        let body = try req.content.decode(ProjectWrite.self)
        let id = try await req.policyDesk().apply(
            ProjectApplicationDraft(
                name: body.name, fund: body.fund, amountAsked: body.amountAsked?.text, appliedOn: body.appliedOn,
                note: body.note),
            enterprise: body.enterpriseId, policy: body.policyId)
        return try await Created(id: id).encodeResponse(status: .created, for: req)
    }

    struct StepWrite: Content {
        let stage: String?
        let on: String?
        let amountGranted: FlexibleText?
        let reason: String?
    }

    @Sendable func advance(req: Request) async throws -> ProjectDTO {
        let id = try req.idParameter("项目申报")
        let body = try req.content.decode(StepWrite.self)
        let desk = try await req.policyDesk()
        _ = try await desk.advance(
            id,
            ProjectStepDraft(
                stage: body.stage, on: body.on, amountGranted: body.amountGranted?.text, reason: body.reason))
        return ProjectDTO(try await desk.project(id))
    }
}
