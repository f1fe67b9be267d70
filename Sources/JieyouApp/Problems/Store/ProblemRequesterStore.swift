import Foundation
import JieyouDomain
import SQLKit

/// The requester (诉求人) of a complaint, request or question: one `problem_requesters` row beside
/// the problem, written when the problem comes in and never changed by the loop.
struct ProblemRequesterStore {
    let sql: any SQLDatabase

    private struct Row: Decodable {
        let problemId: UUID
        let name: String?
        let phone: String?
        let confidential: Bool
        let concern: String
        let respondentDepartmentId: UUID?
        let respondent: String?
        let departmentName: String?
    }

    func insert(_ requester: ProblemRequester, for problem: UUID) async throws {
        try await sql.insert(into: "problem_requesters")
            .columns(
                "problem_id", "name", "phone", "confidential", "concern", "respondent_department_id", "respondent"
            )
            .values(
                SQLBind(problem), SQLBind(requester.name), SQLBind(requester.phone), SQLBind(requester.confidential),
                SQLBind(requester.concern.rawValue), SQLBind(requester.respondentDepartment),
                SQLBind(requester.respondent)
            )
            .run()
    }

    /// The problem's requester with the name of the department complained about, or nil when it
    /// has none.
    func load(_ problem: UUID) async throws -> (requester: ProblemRequester, departmentName: String?)? {
        try await sql.raw(
            """
            SELECT r.problem_id, r.name, r.phone, r.confidential, r.concern, r.respondent_department_id,
              r.respondent, d.name AS department_name
            FROM problem_requesters r LEFT JOIN departments d ON d.id = r.respondent_department_id
            WHERE r.problem_id = \(bind: problem)
            """
        ).first(decoding: Row.self, keyDecodingStrategy: ColumnNames.snakeCase).map {
            (
                ProblemRequester(
                    name: $0.name, phone: $0.phone, confidential: $0.confidential,
                    concern: RequestConcern(rawValue: $0.concern) ?? .enterpriseMatter,
                    respondentDepartment: $0.respondentDepartmentId, respondent: $0.respondent),
                $0.departmentName
            )
        }
    }
}
