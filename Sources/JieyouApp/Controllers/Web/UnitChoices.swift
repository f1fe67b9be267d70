import Foundation
import JieyouDomain

/// The units of a reader's subtree for a select, depth-first, each indented by its depth. The value
/// is the id in upper case (as forms have sent it) or, for pages whose addresses carry ids in lower
/// case, in lower case.
enum UnitChoices {
    static func options(
        under unit: UUID, tree: OrgTree, lowercased: Bool = false, where include: (OrgTree.Node) -> Bool = { _ in true }
    ) -> [(value: String, label: String)] {
        tree.flattened(from: [unit]).filter { include($0.node) }.map { entry in
            let id = entry.node.id.uuidString
            return (lowercased ? id.lowercased() : id, String(repeating: "　", count: entry.depth) + entry.node.name)
        }
    }
}

/// The errors of a refused import, above its upload form: how many, that nothing was written, each one.
enum ImportErrors {
    static func render(_ errors: [String], count: Int, nothing: String) -> HTML {
        guard !errors.isEmpty else { return .empty }
        let counted = count > errors.count ? "共\(count)处错误（列出前\(errors.count)处）" : "共\(count)处错误"
        return """
            <div class="error-summary" role="alert" data-testid="import-errors"><p>\(counted)，\(nothing)。请修改后重新上传：</p>
            <ul>\(errors.map { HTML("<li>\($0)</li>") })</ul></div>
            """
    }
}
