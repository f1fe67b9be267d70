import JieyouDomain
import Vapor

/// `GET /api/v1/me/work`: the signed-in user's 工作台 figures, as the home page shows them.
struct HomeAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("me", "work", use: work)
    }

    struct QueueDTO: Content {
        let view: String
        let name: String
        /// How many problems `GET /api/v1/problems?view=<view>` lists now.
        let count: Int
    }

    struct EnterpriseWorkDTO: Content {
        let openProblems: Int
        let awaitingRating: Int
        let newPolicies: Int
    }

    /// A task force's 报送收件箱 (`GET /api/v1/reports/inbox` has the lines).
    struct InboxDTO: Content {
        let unread: Int
        let missing: Int
    }

    /// A leader's last ended 旬 and the one before: new problems and problems resolved (suggestions
    /// left out, as `ProblemTally` counts them), 按期办结率 and 满意率
    /// (null when there is nothing to divide).
    struct TenDayDTO: Content {
        struct Figures: Content {
            let registered: Int
            let resolved: Int
            let onTimeRate: Double?
            let satisfactionRate: Double?

            init(_ report: StatsReport) {
                registered = report.tally.problemsRegistered
                resolved = report.tally.problemsResolved
                onTimeRate = report.metrics.onTimeRate.value
                satisfactionRate = report.metrics.satisfactionRate.value
            }
        }

        let period: String
        let periodName: String
        let current: Figures
        let previous: Figures
    }

    /// An upper task force's units below, most overdue first.
    struct UnitBelowDTO: Content {
        let id: UUID
        let name: String
        let open: Int
        let overdue: Int
        let unreported: Int
    }

    struct WorkDTO: Content {
        let queues: [QueueDTO]
        let enterprise: EnterpriseWorkDTO?
        let inbox: InboxDTO?
        let tenDay: TenDayDTO?
        let unitsBelow: [UnitBelowDTO]
    }

    @Sendable func work(req: Request) async throws -> WorkDTO {
        let work = try await req.homeDesk.work(for: try req.requireSignedIn().actor)
        return WorkDTO(
            queues: work.queues.map {
                QueueDTO(view: $0.view.rawValue, name: $0.view.chineseName, count: $0.count)
            },
            enterprise: work.enterprise.map {
                EnterpriseWorkDTO(openProblems: $0.open, awaitingRating: $0.toRate, newPolicies: $0.newPolicies)
            }, inbox: work.inbox.map { InboxDTO(unread: $0.unread, missing: $0.missing) },
            tenDay: work.tenDay.map {
                TenDayDTO(
                    period: $0.period.key, periodName: $0.period.chineseName, current: .init($0.current),
                    previous: .init($0.previous))
            },
            unitsBelow: work.unitsBelow.map {
                UnitBelowDTO(id: $0.id, name: $0.name, open: $0.open, overdue: $0.overdue, unreported: $0.unreported)
            })
    }
}
