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

    struct WorkDTO: Content {
        let queues: [QueueDTO]
        let enterprise: EnterpriseWorkDTO?
        let inbox: InboxDTO?
    }

    @Sendable func work(req: Request) async throws -> WorkDTO {
        let work = try await req.homeDesk.work(for: try req.requireSignedIn().actor)
        return WorkDTO(
            queues: work.queues.map {
                QueueDTO(view: $0.view.rawValue, name: $0.view.chineseName, count: $0.count)
            },
            enterprise: work.enterprise.map {
                EnterpriseWorkDTO(openProblems: $0.open, awaitingRating: $0.toRate, newPolicies: $0.newPolicies)
            }, inbox: work.inbox.map { InboxDTO(unread: $0.unread, missing: $0.missing) })
    }
}
