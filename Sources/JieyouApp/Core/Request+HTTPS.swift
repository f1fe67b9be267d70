import Vapor

extension Request {
    /// Whether the browser reached us over HTTPS: the server terminates TLS itself, or a reverse proxy
    /// in front says so (`X-Forwarded-Proto: https` or `Forwarded: proto=https`), or the operator says
    /// every request does (`JIEYOU_SECURE_COOKIES=1`). Cookies set on such a request carry `Secure`, so
    /// a browser never sends the session over plain HTTP. A client that sends the header over plain
    /// HTTP only makes its own cookies stricter.
    var cameOverHTTPS: Bool {
        if appConfiguration.secureCookies || application.http.server.configuration.tlsConfiguration != nil {
            return true
        }
        if let proto = headers.first(name: "X-Forwarded-Proto")?.split(separator: ",").first {
            return proto.trimmingCharacters(in: .whitespaces).lowercased() == "https"
        }
        if let forwarded = headers.first(name: "Forwarded")?.split(separator: ",").first {
            return forwarded.split(separator: ";").contains {
                $0.trimmingCharacters(in: .whitespaces).lowercased() == "proto=https"
            }
        }
        return false
    }
}
