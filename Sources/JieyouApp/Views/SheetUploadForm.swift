import Foundation
import JieyouDomain

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
