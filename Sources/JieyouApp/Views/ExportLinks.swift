/// The line above a ledger that exports what its filters match, as .xlsx or .csv: both links carry the
/// page's query string (`LedgerExport` reads the same filters).
enum ExportLinks {
    static func html(_ path: String, query: String, label: String) -> HTML {
        let workbook = path + (query.isEmpty ? "" : "?" + query)
        let csv = workbook + (query.isEmpty ? "?" : "&") + "format=csv"
        return """
            <p class="export-links">\(label)：<a href="\(workbook)" data-testid="export-xlsx">Excel</a> · <a href="\(csv)">CSV</a></p>
            """
    }
}
