import Fluent
import SQLKit

/// Complaints, requests and questions (投诉, 诉求, 咨询) come from a requester (诉求人) who need not be
/// an enterprise contact: one row each beside the problem, with what the complaint is about; and the
/// way the requester was answered, which resolving such a problem records on the problem itself.
struct TakeInRequesters: AsyncMigration {
    var name: String { "020_TakeInRequesters" }

    func prepare(on database: any Database) async throws {
        try await database.schema("problem_requesters")
            .field("problem_id", .uuid, .identifier(auto: false), .references("problems", "id", onDelete: .cascade))
            .field("name", .string)
            .field("phone", .string)
            .field("confidential", .bool, .required)
            .field("concern", .string, .required)
            .field("respondent_department_id", .uuid, .references("departments", "id"))
            .field("respondent", .string)
            .create()
        try await database.sql.create(index: "problem_requesters_respondent_idx").on("problem_requesters")
            .column("respondent_department_id").run()
        try await database.schema("problems").field("reply_method", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("problems").deleteField("reply_method").update()
        try await database.schema("problem_requesters").delete()
    }
}
