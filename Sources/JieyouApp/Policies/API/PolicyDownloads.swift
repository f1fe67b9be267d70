import Vapor

/// The 政策汇编 (.docx), for the pages (`/policies/compilation.docx`) and the API
/// (`/api/v1/policies/compilation.docx`): one adapter that streams what `PolicyCompilation` wrote.
enum PolicyDownloads {
    static func compilation(_ req: Request) async throws -> Response {
        let file = try await req.policyDesk().compilation(
            query: req.queryText, ids: (try? req.query.get([String].self, at: "ids")) ?? [])
        return try await OfficeDownload.stream(file, req)
    }
}
