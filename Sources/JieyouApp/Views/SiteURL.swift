import Foundation
import JieyouDomain
import Vapor

/// A path parameter of a `SiteURL`: `.key` where the route is registered, `.value` where a link to it
/// is built.
enum Parameter<Value: Sendable>: Sendable {
    case key
    case value(Value)
}

/// The web pages' routes as one type, used both to register them (`pathComponents`) and to link to
/// them (`path`), as SwiftPackageIndex-Server's `SiteURL` does: a renamed or moved page cannot leave
/// a link behind. Features move their pages here as they take the feature seam; `WebPath` keeps the
/// others' paths until then.
enum SiteURL: Sendable {
    /// 首页
    case home
    /// Signing in and out, and changing one's password.
    case login
    case logout
    case password
    /// 我的通知设置: which notices are mailed, and how.
    case noticePreferences
    /// 通知, and marking them all read.
    case notifications
    case notificationsRead
    /// 工作日历
    case calendar
    /// 接口文档: the OpenAPI document as a page.
    case apiDocs
    /// 问题台账
    case problems
    case newProblem
    case problem(Parameter<UUID>)
    case problemAction(Parameter<UUID>, Parameter<ProblemAction.Name>)
    /// A problem's files (posting adds to them), and one attachment of any record (its download).
    case problemAttachments(Parameter<UUID>)
    case attachment(Parameter<UUID>)
    /// 问题清单 (.xlsx) of the ledger's query.
    case problemList
    /// 问题台账 of the ledger's query, one problem per row, as .xlsx or .csv.
    case problemExport
    case problemImport
    /// 导入工单 (the hotline's and the platform's sheet) and the 回复表 that goes back.
    case workOrderImport
    case workOrderReplies
    /// 责任清单 and its .xlsx.
    case responsibilityList
    case responsibilityFile
    /// 销号清单 and its .xlsx.
    case closedList
    case closedFile
    /// 部门工作台
    case departmentWork(Parameter<UUID>)
    /// 统计分析, and its figures per group as a file.
    case stats
    case statsExport
    /// 通报 of a period, and its .docx.
    case reports
    case bulletinFile
    /// A campaign's 总结报告, and its .docx.
    case campaignSummary
    case campaignSummaryFile
    /// 报告草稿与印发: the list, one report, its .docx, and its issuing.
    case storedReports
    case storedReport(Parameter<UUID>)
    case storedReportFile(Parameter<UUID>)
    case storedReportIssue(Parameter<UUID>)
    /// 报送收件箱: what the units below submitted, and marking one 已阅.
    case reportInbox
    case storedReportRead(Parameter<UUID>)
    /// 数据看板
    case dashboard
    /// 通讯录
    case directory
    /// 组织机构: the list, a new unit, one unit.
    case orgUnits
    case newOrgUnit
    case orgUnit(Parameter<UUID>)
    /// 部门
    case departments
    case newDepartment
    case department(Parameter<UUID>)
    /// 监测员: the roster of 营商环境监督员 and 清廉园区监测点, a line of it, and their sheets.
    case monitors
    case newMonitor
    case monitor(Parameter<UUID>)
    case monitorExport
    case monitorReports(Parameter<UUID>)
    /// 双公示: the records of the reader's reach with the counts per department, a new record, one
    /// record (posting corrects it), its publication, its 信用修复 applications and their decisions,
    /// its files, the export in the standard's columns, the review queue, and the public page.
    case credit
    case newCreditRecord
    case creditRecord(Parameter<UUID>)
    case editCreditRecord(Parameter<UUID>)
    case creditPublish(Parameter<UUID>)
    case creditRepairs(Parameter<UUID>)
    case creditRepairDecision(Parameter<UUID>)
    case creditAttachments(Parameter<UUID>)
    case creditExport
    case creditImport
    case creditReviews
    case creditPublic
    /// 共性问题: the groups proposed among the unit's open problems and those confirmed in its subtree (a
    /// proposal is confirmed, joined to a group or dismissed by posting to the list), one group, a member
    /// removed, another group merged into it, and the group sent up, answered and its members resolved.
    case commonProblems
    case commonProblem(Parameter<UUID>)
    case commonProblemMemberRemove(Parameter<UUID>, Parameter<UUID>)
    case commonProblemMerge(Parameter<UUID>)
    case commonProblemEscalate(Parameter<UUID>)
    case commonProblemAnswer(Parameter<UUID>)
    case commonProblemResolve(Parameter<UUID>)
    /// 用户
    case users
    case newUser
    case user(Parameter<UUID>)
    /// 批量开通账号: the upload, and its template.
    case userImport
    case userTemplate
    /// 操作日志
    case events
    /// 本单位设置 and its forms: time limits, a new sub-category, one sub-category, its deletion.
    case orgSettings
    case orgSettingsLimits
    case orgSettingsCategories
    case orgSettingsCategory(Parameter<String>)
    case orgSettingsCategoryDelete(Parameter<String>)
    case orgSettingsChannels
    case orgSettingsChannelToggle(Parameter<UUID>)
    case orgSettingsChannelDelete(Parameter<UUID>)
    /// The unit's mail server: saving, a test e-mail, removal.
    case orgSettingsMail
    case orgSettingsMailTest
    case orgSettingsMailDelete
    /// The sections the unit's 通报 report.
    case orgSettingsBulletin
    /// 企业: the registry, a new enterprise, one enterprise (its profile; posting saves it), its form.
    case enterprises
    case newEnterprise
    case enterprise(Parameter<UUID>)
    case editEnterprise(Parameter<UUID>)
    /// 企业标签, and the import of a 企业名单 with its template.
    case tags
    case enterpriseImport
    case enterpriseTemplate
    /// 企业名单 of the list's filters as .xlsx (or .csv with format=csv).
    case enterpriseExport
    /// 一对一专班
    case teams
    case newTeam
    case team(Parameter<UUID>)
    /// 走访台账 (posting saves a visit), its export, and the form (`?enterprise=` picks the enterprise).
    case visits
    case visitExport
    case newVisit
    case visitAttachments(Parameter<UUID>)
    /// 活动, and a meeting's files (签到表, 纪要).
    case meetings
    case meetingExport
    case newMeeting
    case meeting(Parameter<UUID>)
    case meetingAttachments(Parameter<UUID>)
    /// 走访覆盖, and its enterprises one per row as a file.
    case coverage
    case coverageExport
    /// 融资诉求: the list, one demand, its next step.
    case financing
    case financingExport
    case financingDemand(Parameter<UUID>)
    case financingSteps(Parameter<UUID>)
    /// 专项行动: the list, a new one, one (its coverage), its form.
    case campaigns
    case newCampaign
    case campaign(Parameter<UUID>)
    case editCampaign(Parameter<UUID>)
    /// 政策: the catalogue, its 政策汇编, a new policy, one policy (its page; posting saves it), its form,
    /// and the page's push, deliveries and 免申即享 grants.
    case policies
    case policyCompilation
    case newPolicy
    case policy(Parameter<UUID>)
    case editPolicy(Parameter<UUID>)
    case policyPush(Parameter<UUID>)
    case policyDeliveries(Parameter<UUID>)
    case policyGrants(Parameter<UUID>)
    /// 我的政策 (an enterprise's), and confirming one is known.
    case myPolicies
    case acknowledgePolicy(Parameter<UUID>)
    /// 兑现台账, and all of it as a file.
    case benefits
    case benefitExport
    /// 项目申报: the list, one application, its next step.
    case projects
    case projectExport
    case project(Parameter<UUID>)
    case projectSteps(Parameter<UUID>)
    /// 攻坚方案: the list (posting saves an imported plan), the import, one plan, its 三张清单, its
    /// 通报 and the .docx, a target's monthly actual, one unit's tasks.
    case plans
    case planImport
    case plan(Parameter<UUID>)
    case planLists(Parameter<UUID>)
    case planBulletin(Parameter<UUID>)
    case planBulletinFile(Parameter<UUID>)
    case planTargetActuals(Parameter<UUID>)
    case planUnit(Parameter<UUID>)
    /// A plan's task, and its 旬 report, 督办 and milestones.
    case planTask(Parameter<UUID>)
    case planTaskProgress(Parameter<UUID>)
    case planTaskSupervision(Parameter<UUID>)
    case planTaskMilestones(Parameter<UUID>)

    /// One piece of a path: a fixed word, or a parameter with its route name and, in a link, its value.
    enum Segment: Equatable {
        case word(String)
        case parameter(String, value: String?)
    }

    /// The path's pieces; each group of pages spells its own below, and this switch names every case, so
    /// that a new page cannot be left without a path.
    var segments: [Segment] {
        switch self {
        case .home, .login, .logout, .password, .noticePreferences, .notifications, .notificationsRead, .calendar,
            .apiDocs:
            sessionSegments
        case .problems, .newProblem, .problem, .problemAction, .problemAttachments, .attachment, .problemList,
            .problemExport, .problemImport, .workOrderImport, .workOrderReplies, .responsibilityList,
            .responsibilityFile, .closedList, .closedFile, .departmentWork, .stats, .statsExport, .reports,
            .bulletinFile,
            .campaignSummary, .campaignSummaryFile, .storedReports, .storedReport, .storedReportFile,
            .storedReportIssue, .reportInbox, .storedReportRead, .dashboard:
            problemsAndReportsSegments
        case .directory, .orgUnits, .newOrgUnit, .orgUnit, .departments, .newDepartment, .department, .monitors,
            .newMonitor, .monitor, .monitorExport, .monitorReports, .users, .newUser,
            .user, .userImport, .userTemplate, .events, .orgSettings, .orgSettingsLimits, .orgSettingsCategories,
            .orgSettingsCategory,
            .orgSettingsCategoryDelete, .orgSettingsChannels, .orgSettingsChannelToggle, .orgSettingsChannelDelete,
            .orgSettingsMail, .orgSettingsMailTest, .orgSettingsMailDelete, .orgSettingsBulletin:
            organisationSegments
        case .credit, .newCreditRecord, .creditRecord, .editCreditRecord, .creditPublish, .creditRepairs,
            .creditRepairDecision, .creditAttachments, .creditExport, .creditImport, .creditReviews, .creditPublic:
            creditSegments
        case .commonProblems, .commonProblem, .commonProblemMemberRemove, .commonProblemMerge, .commonProblemEscalate,
            .commonProblemAnswer, .commonProblemResolve:
            commonProblemSegments
        case .enterprises, .newEnterprise, .enterprise, .editEnterprise, .tags, .enterpriseImport, .enterpriseTemplate,
            .enterpriseExport,
            .teams, .newTeam, .team, .visits, .visitExport, .newVisit, .visitAttachments, .meetings, .meetingExport,
            .newMeeting, .meeting, .meetingAttachments, .coverage, .coverageExport, .financing, .financingExport,
            .financingDemand, .financingSteps, .campaigns, .newCampaign, .campaign, .editCampaign:
            registryAndFieldWorkSegments
        case .policies, .policyCompilation, .newPolicy, .policy, .editPolicy, .policyPush, .policyDeliveries,
            .policyGrants, .myPolicies, .acknowledgePolicy, .benefits, .benefitExport, .projects, .projectExport,
            .project,
            .projectSteps, .plans,
            .planImport, .plan, .planLists, .planBulletin, .planBulletinFile, .planTargetActuals, .planUnit, .planTask,
            .planTaskProgress, .planTaskSupervision, .planTaskMilestones:
            policiesAndPlansSegments
        }
    }

    /// Signing in, one's own pages, the calendar.
    private var sessionSegments: [Segment] {
        switch self {
        case .home: []
        case .login: [.word("login")]
        case .logout: [.word("logout")]
        case .password: [.word("account"), .word("password")]
        case .noticePreferences: [.word("account"), .word("notices")]
        case .notifications: [.word("notifications")]
        case .notificationsRead: [.word("notifications"), .word("read")]
        case .calendar: [.word("admin"), .word("calendar")]
        case .apiDocs: [.word("docs"), .word("api")]
        default: preconditionFailure("\(self) is not among these pages")
        }
    }

    /// The problem loop and the reports.
    private var problemsAndReportsSegments: [Segment] {
        switch self {
        case .problems: [.word("problems")]
        case .newProblem: [.word("problems"), .word("new")]
        case .problem(let id): [.word("problems"), Self.id("id", id)]
        case .problemAction(let id, let action):
            [
                .word("problems"), Self.id("id", id), .word("actions"),
                .parameter("action", value: action.value?.rawValue),
            ]
        case .problemAttachments(let id): [.word("problems"), Self.id("id", id), .word("files")]
        case .attachment(let id): [.word("files"), Self.id("id", id)]
        case .problemList: [.word("problems"), .word("list.xlsx")]
        case .problemExport: [.word("problems"), .word("export")]
        case .problemImport: [.word("problems"), .word("import")]
        case .workOrderImport: [.word("work-orders"), .word("import")]
        case .workOrderReplies: [.word("work-orders"), .word("replies.xlsx")]
        case .responsibilityList: [.word("problems"), .word("responsibility")]
        case .responsibilityFile: [.word("problems"), .word("responsibility.xlsx")]
        case .closedList: [.word("problems"), .word("closed")]
        case .closedFile: [.word("problems"), .word("closed.xlsx")]
        case .departmentWork(let id): [.word("work"), .word("departments"), Self.id("id", id)]
        case .stats: [.word("stats")]
        case .statsExport: [.word("stats"), .word("export")]
        case .reports: [.word("reports")]
        case .bulletinFile: [.word("reports"), .word("bulletin.docx")]
        case .campaignSummary: [.word("reports"), .word("campaign")]
        case .campaignSummaryFile: [.word("reports"), .word("campaign.docx")]
        case .storedReports: [.word("reports"), .word("records")]
        case .storedReport(let id): [.word("reports"), .word("records"), Self.id("id", id)]
        case .storedReportFile(let id): [.word("reports"), .word("records"), Self.id("id", id), .word("docx")]
        case .storedReportIssue(let id): [.word("reports"), .word("records"), Self.id("id", id), .word("issue")]
        case .reportInbox: [.word("reports"), .word("inbox")]
        case .storedReportRead(let id): [.word("reports"), .word("records"), Self.id("id", id), .word("read")]
        case .dashboard: [.word("dashboard")]
        default: preconditionFailure("\(self) is not among these pages")
        }
    }

    /// The organisation's admin pages.
    private var organisationSegments: [Segment] {
        switch self {
        case .directory: [.word("directory")]
        case .orgUnits: [.word("admin"), .word("org-units")]
        case .newOrgUnit: [.word("admin"), .word("org-units"), .word("new")]
        case .orgUnit(let id): [.word("admin"), .word("org-units"), Self.id("id", id)]
        case .departments: [.word("admin"), .word("departments")]
        case .newDepartment: [.word("admin"), .word("departments"), .word("new")]
        case .department(let id): [.word("admin"), .word("departments"), Self.id("id", id)]
        case .monitors: [.word("admin"), .word("monitors")]
        case .newMonitor: [.word("admin"), .word("monitors"), .word("new")]
        case .monitor(let id): [.word("admin"), .word("monitors"), Self.id("id", id)]
        case .monitorExport: [.word("admin"), .word("monitors"), .word("export")]
        case .monitorReports(let id): [.word("admin"), .word("monitors"), Self.id("id", id), .word("reports.xlsx")]
        case .users: [.word("admin"), .word("users")]
        case .newUser: [.word("admin"), .word("users"), .word("new")]
        case .user(let id): [.word("admin"), .word("users"), Self.id("id", id)]
        case .userImport: [.word("admin"), .word("users"), .word("import")]
        case .userTemplate: [.word("admin"), .word("users"), .word("import"), .word("template.xlsx")]
        case .events: [.word("admin"), .word("events")]
        case .orgSettings: [.word("admin"), .word("settings")]
        case .orgSettingsLimits: [.word("admin"), .word("settings"), .word("limits")]
        case .orgSettingsCategories: [.word("admin"), .word("settings"), .word("categories")]
        case .orgSettingsCategory(let code):
            [.word("admin"), .word("settings"), .word("categories"), .parameter("code", value: code.value)]
        case .orgSettingsCategoryDelete(let code):
            [
                .word("admin"), .word("settings"), .word("categories"), .parameter("code", value: code.value),
                .word("delete"),
            ]
        case .orgSettingsChannels: [.word("admin"), .word("settings"), .word("channels")]
        case .orgSettingsMail: [.word("admin"), .word("settings"), .word("mail")]
        case .orgSettingsMailTest: [.word("admin"), .word("settings"), .word("mail"), .word("test")]
        case .orgSettingsMailDelete: [.word("admin"), .word("settings"), .word("mail"), .word("delete")]
        case .orgSettingsBulletin: [.word("admin"), .word("settings"), .word("bulletin")]
        case .orgSettingsChannelToggle(let id):
            [.word("admin"), .word("settings"), .word("channels"), Self.id("id", id), .word("toggle")]
        case .orgSettingsChannelDelete(let id):
            [.word("admin"), .word("settings"), .word("channels"), Self.id("id", id), .word("delete")]
        default: preconditionFailure("\(self) is not among these pages")
        }
    }

    /// The registry, field work and campaigns.
    private var registryAndFieldWorkSegments: [Segment] {
        switch self {
        case .enterprises: [.word("enterprises")]
        case .newEnterprise: [.word("enterprises"), .word("new")]
        case .enterprise(let id): [.word("enterprises"), Self.id("id", id)]
        case .editEnterprise(let id): [.word("enterprises"), Self.id("id", id), .word("edit")]
        case .tags: [.word("enterprises"), .word("tags")]
        case .enterpriseImport: [.word("enterprises"), .word("import")]
        case .enterpriseTemplate: [.word("enterprises"), .word("import"), .word("template.xlsx")]
        case .enterpriseExport: [.word("enterprises"), .word("export")]
        case .teams: [.word("teams")]
        case .newTeam: [.word("teams"), .word("new")]
        case .team(let id): [.word("teams"), Self.id("id", id)]
        case .visits: [.word("visits")]
        case .visitExport: [.word("visits"), .word("export")]
        case .newVisit: [.word("visits"), .word("new")]
        case .visitAttachments(let id): [.word("visits"), Self.id("id", id), .word("files")]
        case .meetings: [.word("meetings")]
        case .meetingExport: [.word("meetings"), .word("export")]
        case .newMeeting: [.word("meetings"), .word("new")]
        case .meeting(let id): [.word("meetings"), Self.id("id", id)]
        case .meetingAttachments(let id): [.word("meetings"), Self.id("id", id), .word("files")]
        case .coverage: [.word("coverage")]
        case .coverageExport: [.word("coverage"), .word("export")]
        case .financing: [.word("financing")]
        case .financingExport: [.word("financing"), .word("export")]
        case .financingDemand(let id): [.word("financing"), Self.id("id", id)]
        case .financingSteps(let id): [.word("financing"), Self.id("id", id), .word("steps")]
        case .campaigns: [.word("campaigns")]
        case .newCampaign: [.word("campaigns"), .word("new")]
        case .campaign(let id): [.word("campaigns"), Self.id("id", id)]
        case .editCampaign(let id): [.word("campaigns"), Self.id("id", id), .word("edit")]
        default: preconditionFailure("\(self) is not among these pages")
        }
    }

    /// Policies and plans.
    private var policiesAndPlansSegments: [Segment] {
        switch self {
        case .policies: [.word("policies")]
        case .policyCompilation: [.word("policies"), .word("compilation.docx")]
        case .newPolicy: [.word("policies"), .word("new")]
        case .policy(let id): [.word("policies"), Self.id("id", id)]
        case .editPolicy(let id): [.word("policies"), Self.id("id", id), .word("edit")]
        case .policyPush(let id): [.word("policies"), Self.id("id", id), .word("push")]
        case .policyDeliveries(let id): [.word("policies"), Self.id("id", id), .word("deliveries")]
        case .policyGrants(let id): [.word("policies"), Self.id("id", id), .word("grants")]
        case .myPolicies: [.word("my"), .word("policies")]
        case .acknowledgePolicy(let id): [.word("my"), .word("policies"), Self.id("id", id), .word("acknowledge")]
        case .benefits: [.word("benefits")]
        case .benefitExport: [.word("benefits"), .word("export")]
        case .projects: [.word("projects")]
        case .projectExport: [.word("projects"), .word("export")]
        case .project(let id): [.word("projects"), Self.id("id", id)]
        case .projectSteps(let id): [.word("projects"), Self.id("id", id), .word("steps")]
        case .plans: [.word("plans")]
        case .planImport: [.word("plans"), .word("import")]
        case .plan(let id): [.word("plans"), Self.id("id", id)]
        case .planLists(let id): [.word("plans"), Self.id("id", id), .word("lists.xlsx")]
        case .planBulletin(let id): [.word("plans"), Self.id("id", id), .word("bulletin")]
        case .planBulletinFile(let id): [.word("plans"), Self.id("id", id), .word("bulletin.docx")]
        case .planTargetActuals(let id): [.word("plans"), .word("targets"), Self.id("id", id), .word("actuals")]
        case .planUnit(let id): [.word("plans"), .word("units"), Self.id("id", id)]
        case .planTask(let id): [.word("plans"), .word("tasks"), Self.id("id", id)]
        case .planTaskProgress(let id): [.word("plans"), .word("tasks"), Self.id("id", id), .word("progress")]
        case .planTaskSupervision(let id): [.word("plans"), .word("tasks"), Self.id("id", id), .word("supervision")]
        case .planTaskMilestones(let id): [.word("plans"), .word("tasks"), Self.id("id", id), .word("milestones")]
        default: preconditionFailure("\(self) is not among these pages")
        }
    }

    /// 双公示 and 信用修复; the public page needs no sign-in.
    private var creditSegments: [Segment] {
        switch self {
        case .credit: [.word("credit")]
        case .newCreditRecord: [.word("credit"), .word("new")]
        case .creditRecord(let id): [.word("credit"), Self.id("id", id)]
        case .editCreditRecord(let id): [.word("credit"), Self.id("id", id), .word("edit")]
        case .creditPublish(let id): [.word("credit"), Self.id("id", id), .word("publish")]
        case .creditRepairs(let id): [.word("credit"), Self.id("id", id), .word("repairs")]
        case .creditRepairDecision(let id): [.word("credit"), .word("repairs"), Self.id("id", id)]
        case .creditAttachments(let id): [.word("credit"), Self.id("id", id), .word("files")]
        case .creditExport: [.word("credit"), .word("export")]
        case .creditImport: [.word("credit"), .word("import")]
        case .creditReviews: [.word("credit"), .word("repairs")]
        case .creditPublic: [.word("public"), .word("credit")]
        default: preconditionFailure("\(self) is not among these pages")
        }
    }

    /// 共性问题
    private var commonProblemSegments: [Segment] {
        switch self {
        case .commonProblems: [.word("common-problems")]
        case .commonProblem(let id): [.word("common-problems"), Self.id("id", id)]
        case .commonProblemMemberRemove(let id, let problem):
            [
                .word("common-problems"), Self.id("id", id), .word("members"), Self.id("problemID", problem),
                .word("remove"),
            ]
        case .commonProblemMerge(let id): [.word("common-problems"), Self.id("id", id), .word("merge")]
        case .commonProblemEscalate(let id): [.word("common-problems"), Self.id("id", id), .word("escalate")]
        case .commonProblemAnswer(let id): [.word("common-problems"), Self.id("id", id), .word("answer")]
        case .commonProblemResolve(let id): [.word("common-problems"), Self.id("id", id), .word("resolve-members")]
        default: preconditionFailure("\(self) is not among these pages")
        }
    }

    /// What a router registers: the words, and `:name` for each parameter.
    var pathComponents: [PathComponent] {
        segments.map { segment in
            switch segment {
            case .word(let word): .constant(word)
            case .parameter(let name, _): .parameter(name)
            }
        }
    }

    /// The absolute path a link or a redirect uses. Every parameter must carry its value: a link built
    /// from a route's key is a programming error that any test rendering the link finds.
    var path: String {
        "/"
            + segments.map { segment in
                switch segment {
                case .word(let word): return word
                case .parameter(let name, let value):
                    guard let value else { preconditionFailure("a link to \(self) needs a value for :\(name)") }
                    return value
                }
            }.joined(separator: "/")
    }

    /// Ids appear in links in lower case, as the pages have always written them.
    private static func id(_ name: String, _ id: Parameter<UUID>) -> Segment {
        .parameter(name, value: id.value?.uuidString.lowercased())
    }
}

extension Parameter {
    var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }
}

extension RoutesBuilder {
    /// Registers `url` for GET.
    @discardableResult
    func get<Response: AsyncResponseEncodable>(
        _ url: SiteURL, use closure: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        get(url.pathComponents, use: closure)
    }

    /// Registers `url` for POST.
    @discardableResult
    func post<Response: AsyncResponseEncodable>(
        _ url: SiteURL, use closure: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        post(url.pathComponents, use: closure)
    }
}
