import Foundation
import JieyouDomain

/// `LabelledProblems.txt` or `HeldOutProblems.txt` read into items and their labels. Each text is one
/// enterprise's problem.
struct LabelledProblems {
    struct Group {
        let key: String
        let category: String
        let title: String
        let texts: [String]
    }

    let groups: [Group]

    static let shared = LabelledProblems(file: "LabelledProblems.txt")
    static let heldOut = LabelledProblems(file: "HeldOutProblems.txt")

    init(file: String) {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(file)
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var groups: [Group] = []
        var header: [String]?
        var texts: [String] = []
        func close() {
            if let header { groups.append(Group(key: header[0], category: header[1], title: header[2], texts: texts)) }
            texts = []
        }
        for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.hasPrefix("## ") {
                close()
                header = line.dropFirst(3).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            } else if !line.isEmpty, !line.hasPrefix("#") {
                texts.append(line)
            }
        }
        close()
        self.groups = groups
    }

    /// Every text as an item of its own enterprise, and its group's key.
    var items: [(item: CommonProblemGrouping.Item, label: String)] {
        groups.flatMap { group in
            group.texts.map {
                (CommonProblemGrouping.Item(text: $0, category: group.category, enterprise: UUID()), group.key)
            }
        }
    }
}
