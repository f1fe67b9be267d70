import Foundation
import JieyouDomain
import Vapor

/// 导入问题清单 on the web: the upload form, then the problems taken in (with their new numbers) or
/// every bad row and column with nothing written.
struct ProblemListImportWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.problemImport, use: form)
        routes.on(
            .POST, SiteURL.problemImport.pathComponents, body: .collect(maxSize: UploadedFile.maxSize), use: upload)
    }

    @Sendable func form(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, .importProblemLists) else { throw AppError.forbidden() }
        let tree = try await req.orgTree()
        return try await req.page("导入问题清单", page(signedIn, tree: tree, errors: [], count: 0))
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let actor = signedIn.actor
        guard AccessPolicy.has(actor, .importProblemLists) else { throw AppError.forbidden() }
        let tree = try await req.orgTree()
        do {
            let upload = try UploadedFile(req)
            defer { upload.remove() }
            var target = actor.orgUnitID
            if let text = try? req.content.get(String.self, at: "orgUnit"), !text.isEmpty {
                guard let id = UUID(uuidString: text) else { throw AppError.invalid("orgUnit", "导入单位无效") }
                target = id
            }
            let report = try await req.problemListImport(by: actor).run(file: upload.url, into: target)
            return try await req.page("导入完成", ProblemImportResultView(report: report).html)
        } catch {
            let error = ErrorResponseMiddleware.classify(error)
            guard error.status.code < 500, error.status != .forbidden, error.status != .notFound else { throw error }
            let messages = error.sheetErrors.isEmpty ? [error.message] : error.sheetErrors.map(\.description)
            return try await req.page(
                "导入问题清单", page(signedIn, tree: tree, errors: messages, count: max(error.sheetErrorCount, 1)),
                status: error.status)
        }
    }

    private func page(_ signedIn: SignedIn, tree: OrgTree, errors: [String], count: Int) -> HTML {
        ProblemImportFormView(
            unitOptions: UnitChoices.options(under: signedIn.actor.orgUnitID, tree: tree),
            ownUnit: signedIn.actor.orgUnitID,
            errors: errors, count: count, csrf: FormFields.csrf(signedIn)
        ).html
    }
}
