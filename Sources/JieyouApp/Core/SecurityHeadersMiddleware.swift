import Vapor

/// Headers that keep pages from being framed, sniffed or fed inline script. Pages load their CSS and
/// script from `/assets/`, so the policy can forbid everything inline.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers = [
            ("Content-Security-Policy", Self.contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
        ]
        // The id Vapor gave the request (or took from the proxy's X-Request-Id), which every log line
        // of the request carries.
        response.headers.replaceOrAdd(name: .xRequestId, value: request.id)
        for (name, value) in headers where !response.headers.contains(name: name) {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        // Pages and API answers hold one person's data: no browser or proxy keeps them. Files that set
        // their own policy (assets, downloads) keep it.
        let isPrivate = response.headers.contentType == .html || request.url.path.hasPrefix("/api/")
        if isPrivate && !response.headers.contains(name: .cacheControl) {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
