import Foundation
import NIOCore
import Testing
import VaporTesting

@testable import JieyouApp

/// What the answers tell browsers and proxies: cookies `Secure` when the request came over HTTPS, and
/// API answers never cached.
@Suite struct TransportHeadersTests {
    /// Signs in through the form, with `headers` on both requests; returns both cookies set.
    private func signIn(on app: Application, headers: HTTPHeaders) async throws -> (
        login: HTTPCookies.Value, session: HTTPCookies.Value
    ) {
        let page = try await app.testing().sendRequest(.GET, "/login", headers: headers)
        let csrf = String(try #require(page.body.string.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1))
        let login = try #require(page.headers.setCookie?[LoginWeb.loginCSRFCookie])
        var post = headers
        post.replaceOrAdd(name: .cookie, value: "\(LoginWeb.loginCSRFCookie)=\(login.string)")
        post.contentType = .urlEncodedForm
        let body = "username=lx_admin&password=\(World.password)&_csrf=\(csrf)"
        let response = try await app.testing().sendRequest(
            .POST, "/login", headers: post, body: ByteBuffer(string: body))
        #expect(response.status == .seeOther)
        return (login, try #require(response.headers.setCookie?[WebSessionMiddleware.cookieName]))
    }

    @Test func cookiesAreSecureWhenTheRequestCameOverHTTPS() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let plain = try await signIn(on: app, headers: [:])
            #expect(!plain.login.isSecure && !plain.session.isSecure)
            for header in [
                ("X-Forwarded-Proto", "https"), ("X-Forwarded-Proto", "HTTPS, http"),
                ("Forwarded", "for=10.0.0.1;proto=https"),
            ] {
                let proxied = try await signIn(on: app, headers: [header.0: header.1])
                #expect(proxied.login.isSecure && proxied.session.isSecure, "\(header)")
                #expect(proxied.session.isHTTPOnly)
            }
            let http = try await signIn(on: app, headers: ["X-Forwarded-Proto": "http"])
            #expect(!http.session.isSecure)
        }
        // The operator's setting marks them whatever the request says.
        try await withApp(configure: { $0.secureCookies = true }) { app in
            _ = try await World.build(on: app)
            #expect(try await signIn(on: app, headers: [:]).session.isSecure)
        }
    }

    @Test func apiAnswersAreNotCached() async throws {
        try await withApp { app in
            _ = try await World.build(on: app)
            let client = Client(app: app)
            let token = try await client.token("lx_admin")
            for path in ["/api/v1/me", "/api/v1/problems", "/api/v1/no-such-route"] {
                let response = try await client.send(.GET, path, token: token)
                #expect(response.headers.first(name: .cacheControl) == "no-store", "\(path) \(response.status)")
            }
            let anonymous = try await client.send(.GET, "/api/v1/me")
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers.first(name: .cacheControl) == "no-store")
            // Files keep their own policy.
            let asset = try await client.send(.GET, WebPath.stylesheet)
            #expect(asset.headers.first(name: .cacheControl) == "public, max-age=3600")
        }
    }
}
