import Foundation
import JieyouDomain
import Vapor

/// The page that takes a sheet (.xlsx or .csv): the errors of a refused file, the file box with its
/// hint, the unit the rows go to, and a progress bar where script runs (`UploadScript`).
struct SheetUploadForm {
    let title: String
    let action: String
    /// The file box's label and hint.
    let fileLabel: String
    let hint: HTML
    /// The unit the sheet's rows go to: its label and choices.
    let unitLabel: String
    let unitOptions: [(value: String, label: String)]
    let ownUnit: UUID
    /// A refused file's errors (empty at first), how many there were, and what was written (nothing).
    let errors: [String]
    let count: Int
    let nothing: String
    let csrf: HTML

    var html: HTML {
        """
        <h1>\(title)</h1>
        \(ImportErrors.render(errors, count: count, nothing: nothing))
        <form method="post" action="\(action)" enctype="multipart/form-data" class="card" data-upload>
        \(csrf)
        <div class="field"><label for="file">\(fileLabel)<span class="req">*</span></label>
        <input id="file" name="file" type="file" accept=".xlsx,.csv" required>
        <p class="hint">\(hint)</p></div>
        \(FormFields().select("orgUnit", unitLabel, options: unitOptions, selected: ownUnit.uuidString, blank: nil))
        <progress hidden max="100" value="0" data-progress></progress><p class="hint" data-progress-text aria-live="polite"></p>
        <div class="actions"><button type="submit">上传并导入</button></div>
        </form>
        <script src="\(WebPath.uploadScript)" defer></script>
        """
    }
}

extension Request {
    /// Takes the uploaded sheet in with `run` and shows `done` over what it returns; a refused sheet
    /// (a bad cell, no header, too many rows) comes back on its form (`form`, given the messages and
    /// how many there were) with every bad row and column, nothing written. A refusal of the person
    /// (403) or of the unit (404) is answered as such.
    func sheetImport(
        _ title: String, done: String, form: ([String], Int) -> HTML, run: (UploadedFile) async throws -> HTML
    ) async throws -> Response {
        do {
            let upload = try UploadedFile(self)
            defer { upload.remove() }
            return try await page(done, try await run(upload))
        } catch {
            let error = ErrorResponseMiddleware.classify(error)
            guard error.status.code < 500, error.status != .forbidden, error.status != .notFound else { throw error }
            let messages = error.sheetErrors.isEmpty ? [error.message] : error.sheetErrors.map(\.description)
            return try await page(title, form(messages, max(error.sheetErrorCount, 1)), status: error.status)
        }
    }
}

extension Request {
    /// The signed-in person when it may import 问题清单 and work orders into the ledger (the service
    /// group and admins); 403 for anyone else.
    func requireProblemImporter() throws -> SignedIn {
        let signedIn = try requireSignedIn()
        guard AccessPolicy.has(signedIn.actor, .importProblemLists) else { throw AppError.forbidden() }
        return signedIn
    }

    /// The unit a sheet's rows go to: the form's 导入单位 (`orgUnit`), or the importer's own unit.
    func sheetImportTarget(for actor: Actor) throws -> UUID {
        guard let text = try? content.get(String.self, at: "orgUnit"), !text.isEmpty else { return actor.orgUnitID }
        guard let id = UUID(uuidString: text) else { throw AppError.invalid("orgUnit", "导入单位无效") }
        return id
    }
}
