import Fluent
import Foundation
import JieyouDomain

/// What the home page shows one person: the day in the reporting cadence, and for each of its roles
/// what it looks after (an admin's scope, a cadre's stationed enterprises, a handler's department, an
/// enterprise contact's enterprise).
struct HomeFacts: Sendable {
    let today: LocalDate
    let calendar: WorkCalendar
    let tree: OrgTree
    /// An admin's: how many units, departments and accounts its scope holds.
    var scope: (units: Int, departments: Int, users: Int)?
    /// A directory reader's: how many active departments it can look up.
    var directoryDepartments: Int?
    /// A cadre's: the enterprises it is stationed at.
    var stationed: [LiaisonService.StationedEnterprise]?
    /// A cadre's: what the running campaign still needs of its enterprises' visits.
    var quota: (campaign: String, quota: VisitQuota)?
    var department: (id: UUID, name: String)?
    var enterprise: EnterpriseRow?
    /// The 工作台's figures.
    var work = WorkSummary()
}

/// A reader's work waiting now: the 工作台's figures.
struct WorkSummary: Sendable {
    /// Each ledger view the roles work from, with its count.
    var queues: [LedgerQueue] = []
    /// An enterprise's: its open problems, those waiting for its rating, and the policies that fit it
    /// and it has not yet confirmed knowing.
    var enterprise: (open: Int, toRate: Int, newPolicies: Int)?
    /// A task force's 报送收件箱: reports from below not yet read, and reports due from below and not
    /// issued. Nil for a unit nobody reports to.
    var inbox: (unread: Int, missing: Int)?
    /// A monitor's: its reports still being handled, those resolved and waiting for its rating (回访),
    /// and those closed.
    var monitor: (open: Int, toRate: Int, closed: Int)?
    /// A leader's: the unit's last ended 旬 beside the one before.
    var tenDay: TenDayFigures?
    /// An upper task force's: the units below, most overdue first.
    var unitsBelow: [UnitBelow] = []
}

struct HomeDesk {
    let database: any Database
    let now: Date

    func facts(for actor: Actor) async throws -> HomeFacts {
        let tree = try await OrgDirectory.tree(on: database)
        var facts = HomeFacts(
            today: LocalDate(now, in: .chinaStandard), calendar: try await CalendarStore.calendar(on: database),
            tree: tree)
        let org = OrgDesk(database: database, actor: actor, tree: tree)
        if AccessPolicy.has(actor, .manageOrganisation) {
            facts.scope = try await org.counts()
        } else if AccessPolicy.has(actor, .readDirectory) {
            facts.directoryDepartments = try await DepartmentStore(database: database).count(
                in: org.scope, activeOnly: true)
        }
        if actor.has(.cadre) {
            facts.stationed = try await LiaisonService.stationedEnterprises(of: actor.userID, on: database.sql)
            facts.quota = try await visitQuota(of: actor, tree: tree)
        }
        if let id = actor.departmentID, let department = try await DepartmentStore(database: database).find(id) {
            facts.department = (id, department.name)
        }
        facts.work = try await work(for: actor, tree: tree, calendar: facts.calendar)
        if let id = actor.enterpriseID {
            facts.enterprise = try await StoredEnterprise.load(id, on: database.sql)?.row
        }
        return facts
    }

    /// The 工作台's figures of `actor`: a handful of counts, each answered from an index.
    func work(for actor: Actor) async throws -> WorkSummary {
        try await work(
            for: actor, tree: try await OrgDirectory.tree(on: database),
            calendar: try await CalendarStore.calendar(on: database))
    }

    private func work(for actor: Actor, tree: OrgTree, calendar: WorkCalendar) async throws -> WorkSummary {
        var work = WorkSummary()
        if !LedgerView.views(for: actor).isEmpty {
            work.queues = try await ProblemDesk(database: database, now: now, calendar: calendar)
                .queues(for: actor, tree: tree)
        }
        if actor.has(.enterprise), actor.enterpriseID != nil {
            work.enterprise = try await enterpriseWork(of: actor, tree: tree, calendar: calendar)
        }
        var inbox: ReportInbox?
        if AccessPolicy.has(actor, .readStatistics), ReportStore.mayReceive(actor, unit: actor.orgUnitID) {
            let read = try await ReportInboxQuery(
                sql: database.sql, tree: tree, today: LocalDate(now, in: .chinaStandard)
            )
            .inbox(of: actor.orgUnitID)
            if !read.received.isEmpty || !read.deliveries.isEmpty { work.inbox = (read.unread, read.missing) }
            inbox = read
        }
        if actor.has(.monitor) {
            let open = ProblemState.allCases.filter { $0.isOpen && $0 != .resolved }
            work.monitor = (
                try await count(open, of: actor, tree: tree, calendar: calendar),
                try await count([.resolved], of: actor, tree: tree, calendar: calendar),
                try await count([.closed], of: actor, tree: tree, calendar: calendar)
            )
        }
        if actor.has(.leader) { work.tenDay = try await tenDay(of: actor, tree: tree, calendar: calendar) }
        if actor.has(.upper) { work.unitsBelow = try await unitsBelow(of: actor, tree: tree, inbox: inbox) }
        return work
    }

    /// How many problems in `states` the actor's ledger holds.
    private func count(_ states: [ProblemState], of actor: Actor, tree: OrgTree, calendar: WorkCalendar) async throws
        -> Int
    {
        var request = LedgerRequest()
        request.filter.states = states
        return try await ProblemLedger.count(
            request, actor: actor, tree: tree, today: LocalDate(now, in: .chinaStandard), calendar: calendar,
            on: database.sql)
    }

    private func enterpriseWork(of actor: Actor, tree: OrgTree, calendar: WorkCalendar) async throws
        -> (open: Int, toRate: Int, newPolicies: Int)
    {
        let today = LocalDate(now, in: .chinaStandard)
        func count(_ states: [ProblemState]) async throws -> Int {
            var request = LedgerRequest()
            request.filter.states = states
            return try await ProblemLedger.count(
                request, actor: actor, tree: tree, today: today, calendar: calendar, on: database.sql)
        }
        let fits = try await PolicyService.fits(actor, tree: tree, today: today, on: database.sql)
        return (
            try await count(ProblemState.allCases.filter { $0.isOpen && $0 != .resolved }),
            try await count([.resolved]),
            fits.filter { $0.acknowledgedAt == nil && !$0.channels.contains(where: \.isInPerson) }.count
        )
    }
}
