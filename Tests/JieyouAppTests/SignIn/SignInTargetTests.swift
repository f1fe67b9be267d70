import Foundation
import Testing
import VaporTesting

@testable import JieyouApp

/// `next` after sign-in: only a page of this site, however the link was crafted.
@Suite struct SignInTargetTests {
    /// Signs in through the form with `next` and returns where the answer sends the browser.
    private func location(afterSigningInWith next: String, on app: Application) async throws -> String? {
        let client = Client(app: app)
        let page = try await client.send(.GET, "/login")
        let csrf = String(try #require(page.body.string.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1))
        let cookie = try #require(page.headers.setCookie?[LoginWeb.loginCSRFCookie]?.string)
        let response = try await client.send(
            .POST, "/login",
            form: [("username", "lx_admin"), ("password", World.password), ("_csrf", csrf), ("next", next)],
            cookie: "\(LoginWeb.loginCSRFCookie)=\(cookie)")
        #expect(response.status == .seeOther)
        return response.headers.first(name: .location)
    }

    @Test func signInGoesOnlyToPagesOfThisSite() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            // The probe that found it: `/\t/evil.example/phish`, which browsers read as `//evil.example`.
            let page = try await Client(app: app).send(.GET, "/login?next=%2F%09%2Fevil.example%2Fphish")
            #expect(!page.body.string.contains("evil.example"))
            let refused = [
                "/\t/evil.example/phish", "//evil.example", "/\\evil.example", "https://evil.example/",
                "/%2F%2Fevil.example", "/%5Cevil.example", "/ /evil.example", "/no-such-page", "/api/v1/me", "/login",
                "/problems/../admin/users", "javascript:alert(1)",
            ]
            for next in refused {
                #expect(try await location(afterSigningInWith: next, on: app) == "/", "\(next)")
            }
            #expect(try await location(afterSigningInWith: "/admin/users", on: app) == "/admin/users")
            #expect(
                try await location(afterSigningInWith: "/problems?state=open&q=%E9%95%BF%E6%B2%99", on: app)
                    == "/problems?state=open&q=%E9%95%BF%E6%B2%99")
            let problem = "/problems/\(UUID().uuidString.lowercased())"
            #expect(try await location(afterSigningInWith: problem, on: app) == problem)
        }
    }

    /// Thousands of targets built from the pieces open redirects are made of: whatever comes back is a
    /// path of this host (every page accepted, so only the construction is tested).
    @Test func generatedTargetsStayOnThisHost() {
        let pieces = [
            "/", "//", "\\", "\t", "\n", "\r", " ", "%09", "%0a", "%2F", "%2f", "%5C", "%20", "%00", "%", "%%",
            "evil.example", "@", ":", "http:", "https:", "?", "#", "&", "=", "+", ".", "..", "a", "problems", "长沙",
            "%E9%95%BF", "\u{0000}", "\u{200B}", "\u{FF0F}", "javascript:", ";",
        ]
        let benign = ["problems", "admin", "a", "长沙", "%E9%95%BF", "x.y", "1"]
        var random = SplitMix64(seed: 2_026_120_7)
        var accepted = 0
        for _ in 0..<20_000 {
            // Half of them start as a path, so that what follows the first slash gets its share.
            let length = Int.random(in: 1...8, using: &random)
            let start = Bool.random(using: &random) ? "/" + benign.randomElement(using: &random)! : ""
            let next = start + (0..<length).map { _ in pieces.randomElement(using: &random)! }.joined()
            guard let target = SignInTarget.page(next, isPage: { _ in true }) else { continue }
            accepted += 1
            #expect(target.hasPrefix("/") && !target.hasPrefix("//"), "\(next.debugDescription) → \(target)")
            #expect(
                target.utf8.allSatisfy { (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\\") },
                "\(next.debugDescription) → \(target)")
            let url = URL(string: "https://jieyou.test" + target)
            #expect(url?.host == "jieyou.test", "\(next.debugDescription) → \(target)")
        }
        // The generator also makes good paths, so the check is not vacuous.
        #expect(accepted > 1_000)
    }
}

/// A small seeded generator, so a failing input can be found again.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
