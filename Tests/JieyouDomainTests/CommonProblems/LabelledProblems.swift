import Foundation
import JieyouDomain

/// The labelled sets beside this file: `LabelledProblems.txt` (the vocabulary and weights were chosen
/// on it) and `HeldOutProblems.txt` (written after, never tuned on).
enum LabelledProblems {
    static let shared = read("LabelledProblems.txt")
    static let heldOut = read("HeldOutProblems.txt")

    static func read(_ file: String) -> LabelledProblemSet {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(file)
        return LabelledProblemSet(text: (try? String(contentsOf: url, encoding: .utf8)) ?? "")
    }
}
