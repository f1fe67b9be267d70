import Foundation
import JieyouDomain
import SQLKit

/// The active accounts a notice's recipients name: a department's handlers, a unit's dispatchers or
/// leaders, an enterprise's own accounts and the cadres stationed at it.
struct RecipientStore {
    let sql: any SQLDatabase

    /// The accounts of `recipients` for a problem of `unit` about `enterprise`.
    func users(_ recipients: Set<NoticeRecipient>, unit: UUID, enterprise: UUID?) async throws -> [UUID] {
        var users: Set<UUID> = []
        for recipient in recipients {
            switch recipient {
            case .handlers(let department):
                users.formUnion(try await ids("department_id = \(bind: department) AND roles LIKE '%,handler,%'"))
            case .dispatchers:
                users.formUnion(try await ids("org_unit_id = \(bind: unit) AND roles LIKE '%,dispatcher,%'"))
            case .dispatchersOf(let other):
                users.formUnion(try await ids("org_unit_id = \(bind: other) AND roles LIKE '%,dispatcher,%'"))
            case .leaders:
                users.formUnion(try await ids("org_unit_id = \(bind: unit) AND roles LIKE '%,leader,%'"))
            case .enterprise:
                guard let enterprise else { continue }
                users.formUnion(try await ids("enterprise_id = \(bind: enterprise) AND roles LIKE '%,enterprise,%'"))
            case .liaisonCadres:
                guard let enterprise else { continue }
                users.formUnion(
                    try await ids(
                        """
                        id IN (SELECT user_id FROM enterprise_liaisons WHERE enterprise_id = \(bind: enterprise)
                          AND kind = 'cadre')
                        """))
            }
        }
        return users.sorted { $0.uuidString < $1.uuidString }
    }

    /// A task force's condition on `users`: an active dispatcher, leader or 上级专班 member.
    private static let taskForce: SQLQueryString = """
        (roles LIKE '%,dispatcher,%' OR roles LIKE '%,leader,%' OR roles LIKE '%,upper,%')
        """

    /// The units with a task force: where reports from below are read (`ReportDelivery.receiver`).
    func staffedUnits() async throws -> Set<UUID> {
        Set(
            try await sql.raw(
                "SELECT DISTINCT org_unit_id FROM users WHERE active = \(bind: true) AND \(Self.taskForce)"
            ).all().map { try $0.decode(column: "org_unit_id", as: UUID.self) })
    }

    /// The task force of `unit`, whom a report submitted to it reaches.
    func taskForce(of unit: UUID) async throws -> [UUID] {
        try await ids("org_unit_id = \(bind: unit) AND \(Self.taskForce)").sorted { $0.uuidString < $1.uuidString }
    }

    private func ids(_ condition: SQLQueryString) async throws -> [UUID] {
        try await sql.raw("SELECT id FROM users WHERE active = \(bind: true) AND \(condition)").all()
            .map { try $0.decode(column: "id", as: UUID.self) }
    }
}
