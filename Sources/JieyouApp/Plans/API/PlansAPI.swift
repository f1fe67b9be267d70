import Foundation
import JieyouDomain
import SQLKit
import Vapor

/// `/api/v1/plans` and `/api/v1/tasks`: 攻坚方案. The 专班办公室 parses a plan's text into a preview,
/// corrects it and saves it; everyone in government reads the 三张清单; lead units report each 旬.
struct PlansAPI: RouteCollection {
    /// A plan's text is some 75 KB (seed 001); a corrected draft as JSON a few times that.
    func boot(routes: any RoutesBuilder) throws {
        let plans = routes.grouped("plans")
        plans.get(use: list)
        plans.on(.POST, body: .collect(maxSize: PlanDownloads.textBodyLimit), use: create)
        plans.on(.POST, "parse", body: .collect(maxSize: PlanDownloads.textBodyLimit), use: parse)
        plans.get(":id", use: show)
        plans.get(":id", "tasks", use: tasks)
        plans.get(":id", "progress", use: progress)
        plans.get(":id", "lists.xlsx", use: PlanDownloads.lists)
        plans.get(":id", "bulletin", use: bulletin)
        plans.get(":id", "bulletin.docx", use: PlanDownloads.bulletin)
        let tasks = routes.grouped("tasks")
        tasks.post(":id", "progress", use: report)
        tasks.post(":id", "supervision", use: supervise)
        tasks.delete(":id", "supervision", use: unsupervise)
        tasks.post(":id", "milestones", use: addMilestone)
        routes.post("targets", ":id", "actuals", use: recordActual)
    }

    // MARK: DTOs

    struct UnitMatchDTO: Content {
        let name: String
        let departmentId: UUID?
        let departmentName: String?
        /// exact / similar / new
        let match: String
    }

    struct PreviewDTO: Content {
        let draft: PlanDraft
        let units: [UnitMatchDTO]
        let workstreamCount: Int
        let taskCount: Int
        let targetCount: Int
    }

    struct PlanDTO: Content {
        let id: UUID
        let orgUnitId: UUID
        let title: String
        let documentNumber: String?
        let issuedOn: String?
        let year: Int
        let workstreamCount: Int
        let taskCount: Int
        let targetCount: Int

        init(_ p: PlanRecord) {
            id = p.id
            orgUnitId = p.orgUnitId
            title = p.title
            documentNumber = p.documentNumber
            issuedOn = p.issuedOn
            year = p.year
            workstreamCount = p.workstreamCount
            taskCount = p.taskCount
            targetCount = p.targetCount
        }
    }

    struct UnitDTO: Content {
        let id: UUID
        let name: String
        init(_ u: UnitRef) {
            id = u.id
            name = u.name
        }
    }

    struct WorkstreamDTO: Content {
        let id: UUID
        let name: String
        let taskForce: String?
        let convener: String?
        let office: UnitDTO?
        let deputyUnits: [UnitDTO]
        let memberUnits: [UnitDTO]
    }

    struct TargetDTO: Content {
        let id: UUID
        let workstreamId: UUID
        let indicator: String
        let comparison: String
        let value: String
        let unit: String
        let requirement: String
        let baseline: String?
        let actualMonth: String?
        let actual: String?
        let status: String

        init(_ t: TargetRecord) {
            id = t.id
            workstreamId = t.workstreamId
            indicator = t.indicator
            comparison = t.comparison.rawValue
            value = t.value
            unit = t.unit
            requirement = t.requirement
            baseline = t.baseline
            actualMonth = t.actualMonth
            actual = t.actual
            status = t.statusName
        }
    }

    struct MilestoneDTO: Content {
        let id: UUID
        let title: String
        let dueOn: String
        let reachedOn: String?
    }

    struct TaskDTO: Content {
        let id: UUID
        let planId: UUID
        let workstreamId: UUID
        let parentId: UUID?
        let number: String
        let level: Int
        let title: String
        let text: String
        let leadUnits: [UnitDTO]
        let coUnits: [UnitDTO]
        let groups: [String]
        let dueOn: String?
        let percent: Int
        let standing: String
        let standingName: String
        let supervisedOn: String?
        let supervisionNote: String?
        let isHeading: Bool
        let milestones: [MilestoneDTO]

        init(_ t: TaskRecord, today: LocalDate) {
            id = t.id
            planId = t.planId
            workstreamId = t.workstreamId
            parentId = t.parentId
            number = t.number.label
            level = t.number.style.rawValue
            title = t.title
            text = t.text
            leadUnits = t.leads.map(UnitDTO.init)
            coUnits = t.cos.map(UnitDTO.init)
            groups = t.groups
            dueOn = t.dueOn
            percent = t.percent
            let standing = t.standing(on: today)
            self.standing = standing.rawValue
            standingName = standing.chineseName
            supervisedOn = t.supervisedOn
            supervisionNote = t.supervisionNote
            isHeading = t.hasChildren
            milestones = t.milestones.map {
                MilestoneDTO(id: $0.id, title: $0.title, dueOn: $0.dueOn, reachedOn: $0.reachedOn)
            }
        }
    }

    struct DetailDTO: Content {
        let plan: PlanDTO
        let workstreams: [WorkstreamDTO]
        let targets: [TargetDTO]
        let tasks: [TaskDTO]
    }

    struct ProgressLineDTO: Content {
        let taskId: UUID
        let number: String
        let title: String
        let unit: UnitDTO
        let reported: Bool
        let progress: String?
        let percent: Int?
        let difficulties: String?
        let milestone: String?
    }

    struct ProgressSummaryDTO: Content {
        let period: String
        let periodName: String
        let owed: Int
        let reported: Int
        let unitsNotReported: [UnitNotReportedDTO]
        let lines: [ProgressLineDTO]
    }

    struct UnitNotReportedDTO: Content {
        let id: UUID
        let name: String
        let missing: Int
    }

    // MARK: Plans

    struct ParseBody: Content {
        let text: String?
    }

    @Sendable func parse(req: Request) async throws -> PreviewDTO {
        let signedIn = try req.requireSignedIn()
        let body = try req.content.decode(ParseBody.self)
        let (draft, units) = try await req.planDesk().preview(
            body.text ?? "", by: signedIn.actor)
        return PreviewDTO(
            draft: draft,
            units: units.map {
                UnitMatchDTO(
                    name: $0.name, departmentId: $0.departmentId, departmentName: $0.departmentName,
                    match: $0.kind.rawValue)
            }, workstreamCount: draft.workstreams.count, taskCount: draft.taskCount, targetCount: draft.targetCount)
    }

    struct CreateBody: Content {
        let draft: PlanDraft?
        let unitMapping: [String: UUID]?
    }

    struct Created: Content {
        let id: UUID
    }

    @Sendable func create(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        // Who may not save a plan learns that, not what is wrong with the body it sent.
        try PlanStore.requireManager(signedIn.actor, doing: "保存")
        let body: CreateBody
        do {
            body = try req.content.decode(CreateBody.self)
        } catch {
            throw AppError.invalid("draft", "方案内容格式不正确：应为 /api/v1/plans/parse 返回的 draft")
        }
        guard let draft = body.draft else { throw AppError.invalid("draft", "请提交方案内容（draft）") }
        let id = try await req.planDesk().save(
            draft, mapping: body.unitMapping ?? [:], by: signedIn.actor)
        return try await Created(id: id).encodeResponse(status: .created, for: req)
    }

    @Sendable func list(req: Request) async throws -> [PlanDTO] {
        let signedIn = try req.requireSignedIn()
        return try await req.planDesk().plans(for: signedIn.actor).map(PlanDTO.init)
    }

    private func detail(_ req: Request) async throws -> PlanDetail {
        try await req.planDesk().detail(try req.idParameter("方案"), for: try req.requireSignedIn().actor)
    }

    @Sendable func show(req: Request) async throws -> DetailDTO {
        let detail = try await detail(req)
        let today = LocalDate(req.now, in: .chinaStandard)
        return DetailDTO(
            plan: PlanDTO(detail.plan),
            workstreams: detail.workstreams.map {
                WorkstreamDTO(
                    id: $0.id, name: $0.name, taskForce: $0.taskForce, convener: $0.convener,
                    office: $0.office.map(UnitDTO.init),
                    deputyUnits: $0.deputies.map(UnitDTO.init), memberUnits: $0.members.map(UnitDTO.init))
            }, targets: detail.targets.map(TargetDTO.init), tasks: detail.tasks.map { TaskDTO($0, today: today) })
    }

    /// `?department=` keeps the tasks a unit leads or supports; `?workstream=` one workstream's.
    @Sendable func tasks(req: Request) async throws -> [TaskDTO] {
        let detail = try await detail(req)
        let today = LocalDate(req.now, in: .chinaStandard)
        var v = Validator()
        let department = req.queryID("department", "单位", &v)
        let workstream = req.queryID("workstream", "攻坚", &v)
        try v.throwIfFailed()
        return detail.tasks.filter { task in
            (department.map { d in task.leads.contains { $0.id == d } || task.cos.contains { $0.id == d } } ?? true)
                && (workstream.map { task.workstreamId == $0 } ?? true)
        }.map { TaskDTO($0, today: today) }
    }

    @Sendable func progress(req: Request) async throws -> ProgressSummaryDTO {
        let detail = try await detail(req)
        let desk = req.planDesk()
        let summary = try await desk.progress(detail, period: try desk.period(req.queryText("period")))
        return ProgressSummaryDTO(
            period: summary.period.description, periodName: summary.period.chineseName, owed: summary.lines.count,
            reported: summary.reportedCount,
            unitsNotReported: summary.unitsNotReported.map {
                UnitNotReportedDTO(id: $0.unit.id, name: $0.unit.name, missing: $0.missing)
            },
            lines: summary.lines.map {
                ProgressLineDTO(
                    taskId: $0.task.id, number: $0.task.number.label, title: $0.task.title, unit: UnitDTO($0.unit),
                    reported: $0.report != nil, progress: $0.report?.progress, percent: $0.report?.percent,
                    difficulties: $0.report?.difficulties, milestone: $0.report?.milestoneTitle)
            })
    }

    struct BulletinDTO: Content {
        let title: String
        let period: String
        let periodName: String
        let summary: String
        let tasks: [String: Int]
        let targets: [[String]]
        let behind: [[String]]
        let supervised: [[String]]
        let reporting: [[String]]
        let owed: Int
        let reported: Int
        let difficulties: [String]
    }

    @Sendable func bulletin(req: Request) async throws -> BulletinDTO {
        let b = try await req.planDesk().bulletin(
            try req.idParameter("方案"), kind: req.queryText("kind"), date: req.queryText("date"),
            for: try req.requireSignedIn().actor)
        return BulletinDTO(
            title: b.title, period: b.period.key, periodName: b.period.chineseName, summary: b.summary,
            tasks: Dictionary(uniqueKeysWithValues: TaskStanding.allCases.map { ($0.rawValue, b.count($0)) }),
            targets: b.targetRows, behind: b.taskRows(b.behind), supervised: b.taskRows(b.supervised),
            reporting: b.reportingRows, owed: b.owed, reported: b.reported,
            difficulties: b.difficulties.map { "\($0.unit.name)（\($0.task.title)，\($0.period.chineseName)）：\($0.text)" }
        )
    }

    // MARK: Tasks

    struct ReportBody: Content {
        let progress: String?
        let percent: FlexibleText?
        let difficulties: String?
        let period: String?
        let departmentId: UUID?
        let milestoneId: UUID?
    }

    @Sendable func report(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let body = try req.content.decode(ReportBody.self)
        try await req.planDesk().report(
            task: try req.idParameter("任务"),
            ProgressDraft(progress: body.progress, percent: body.percent?.text, difficulties: body.difficulties),
            period: body.period, department: body.departmentId, milestone: body.milestoneId, by: signedIn.actor)
        return Response(status: .created)
    }

    struct SuperviseBody: Content {
        let note: String?
    }

    @Sendable func supervise(req: Request) async throws -> HTTPStatus {
        let signedIn = try req.requireSignedIn()
        let body = try req.content.decode(SuperviseBody.self)
        try await req.planDesk().supervise(task: try req.idParameter("任务"), note: body.note ?? "", by: signedIn.actor)
        return .noContent
    }

    @Sendable func unsupervise(req: Request) async throws -> HTTPStatus {
        let signedIn = try req.requireSignedIn()
        try await req.planDesk().supervise(task: try req.idParameter("任务"), note: nil, by: signedIn.actor)
        return .noContent
    }

    struct MilestoneBody: Content {
        let title: String?
        let dueOn: String?
    }

    @Sendable func addMilestone(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let body = try req.content.decode(MilestoneBody.self)
        let id = try await req.planDesk().addMilestone(
            task: try req.idParameter("任务"), title: body.title, dueOn: body.dueOn, by: signedIn.actor)
        return try await Created(id: id).encodeResponse(status: .created, for: req)
    }

    struct ActualBody: Content {
        let month: String?
        let value: FlexibleText?
        let note: String?
    }

    @Sendable func recordActual(req: Request) async throws -> HTTPStatus {
        let signedIn = try req.requireSignedIn()
        let body = try req.content.decode(ActualBody.self)
        try await req.planDesk().recordActual(
            target: try req.idParameter("目标"), month: body.month, value: body.value?.text, note: body.note,
            by: signedIn.actor)
        return .noContent
    }
}
