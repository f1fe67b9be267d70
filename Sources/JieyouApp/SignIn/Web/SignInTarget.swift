import Foundation
import Vapor

/// Where signing in may send a person afterwards: a page of this site, by construction. The `next`
/// parameter comes from a link anyone can craft (`/login?next=%2F%09%2Fevil.example` once signed in
/// to `/\t/evil.example`, which browsers read as `//evil.example`), so it is not checked for bad
/// characters but parsed into path segments and a query, each segment decoded, the path matched
/// against the GET routes the app registered, and the target rebuilt from those parts with every part
/// encoded again. What does not parse or names no page gives nil, and the caller goes home.
enum SignInTarget {
    /// The rebuilt path (and query) of `next` when it names a page of `routes`; nil otherwise.
    static func page(_ next: String, routes: Routes) -> String? {
        page(next) { segments in routes.all.contains { $0.method == .GET && matches($0.path, segments) } }
    }

    /// The same with the route table as a predicate over decoded path segments.
    static func page(_ next: String, isPage: ([String]) -> Bool) -> String? {
        // Only what a browser sends unencoded in a request target: visible ASCII without `\`.
        guard next.hasPrefix("/"), next.utf8.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\\") })
        else { return nil }
        let withoutFragment = next.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = withoutFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var segments: [String] = []
        for raw in parts[0].split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            guard let segment = String(raw).removingPercentEncoding, isPlain(segment), segment != ".", segment != ".."
            else { return nil }
            segments.append(segment)
        }
        // `/` alone is the home page; no other segment may be empty (that is how `//host` begins).
        if segments == [""] { segments = [] }
        guard !segments.contains(""), segments.first != "api", isPage(segments) else { return nil }
        if segments == SiteURL.login.pathComponents.map(\.description)
            || segments == SiteURL.logout.pathComponents.map(\.description)
        {
            return nil
        }
        var target =
            "/"
            + segments.map { $0.addingPercentEncoding(withAllowedCharacters: .pathSegmentAllowed)! }
            .joined(separator: "/")
        if parts.count == 2, let query = self.query(String(parts[1])), !query.isEmpty { target += "?" + query }
        return target
    }

    /// The query re-encoded pair by pair; nil when a pair does not decode.
    private static func query(_ raw: String) -> String? {
        var pairs: [(key: String, value: String)] = []
        for pair in raw.split(separator: "&") {
            let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String? {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let key = decode(halves[0]), !key.isEmpty, isPlain(key),
                let value = halves.count == 2 ? decode(halves[1]) : "", isPlain(value)
            else { return nil }
            pairs.append((key, value))
        }
        return pairs.map {
            ($0.key.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "") + "="
                + ($0.value.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "")
        }.joined(separator: "&")
    }

    /// Text without control characters, slashes of either kind or whitespace other than a space.
    private static func isPlain(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy {
            !CharacterSet.controlCharacters.contains($0) && $0 != "/" && $0 != "\\"
                && ($0 == " " || !CharacterSet.whitespacesAndNewlines.contains($0))
        }
    }

    private static func matches(_ route: [PathComponent], _ segments: [String]) -> Bool {
        var index = 0
        for component in route {
            switch component {
            case .catchall: return index < segments.count
            case .constant(let text):
                guard index < segments.count, segments[index] == text else { return false }
            case .parameter, .anything:
                guard index < segments.count else { return false }
            }
            index += 1
        }
        return index == segments.count
    }
}

extension CharacterSet {
    /// What may stand unencoded in one path segment.
    static let pathSegmentAllowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: "/;?#")
        return set
    }()
}
