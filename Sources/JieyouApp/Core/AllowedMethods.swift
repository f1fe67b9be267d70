import Vapor

/// The methods the route table answers for a path, so that a path asked with another method is told
/// `405 Method Not Allowed` with an `Allow` header (RFC 9110 §15.5.6) instead of a 404 that says the
/// path does not exist.
///
/// A path belongs to its most specific templates: `/plans/parse` is `POST /plans/parse`, not also
/// `GET /plans/{id}` with the id `parse`, although the router would hand a GET of it to the latter.
enum AllowedMethods {
    static func methods(for path: String, in routes: Routes) -> [HTTPMethod] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var best = -1
        var methods: [HTTPMethod] = []
        for route in routes.all {
            guard let constants = constants(route.path, matching: segments), constants >= best else { continue }
            if constants > best {
                best = constants
                methods = []
            }
            if !methods.contains(route.method) { methods.append(route.method) }
        }
        // HEAD is answered wherever GET is.
        if methods.contains(.GET) && !methods.contains(.HEAD) { methods.append(.HEAD) }
        return methods
    }

    /// How many of the template's segments are constants, when it matches the path; nil when not.
    private static func constants(_ components: [PathComponent], matching segments: [String]) -> Int? {
        var constants = 0
        for (index, component) in components.enumerated() {
            switch component {
            case .catchall: return segments.count > index ? constants : nil
            case .constant(let text):
                guard index < segments.count, segments[index] == text else { return nil }
                constants += 1
            case .parameter, .anything:
                guard index < segments.count else { return nil }
            }
        }
        return components.count == segments.count ? constants : nil
    }
}

extension Application {
    private struct ConstantSegmentsKey: StorageKey {
        typealias Value = Set<String>
    }

    /// Every constant segment of the route table (`parse`, `import`, `export` …), kept once the routes
    /// are registered: a request whose parameters are none of these (an id) cannot belong to a more
    /// specific template, so it skips the scan.
    var constantSegments: Set<String> {
        get { storage[ConstantSegmentsKey.self] ?? [] }
        set { storage[ConstantSegmentsKey.self] = newValue }
    }

    func keepConstantSegments() {
        constantSegments = Set(
            routes.all.flatMap { $0.path }.compactMap { if case .constant(let text) = $0 { text } else { nil } })
    }
}

/// Refused because the path does not answer the method; `allowed` are the ones it does.
struct MethodNotAllowed: Error {
    let allowed: [HTTPMethod]
}

/// On the API: a request the router gave to a parameter's route (`PATCH /enterprises/{id}` for
/// `PATCH /enterprises/import`) when a more specific template owns the path is refused with 405, as
/// the document describes the path. Only a request whose parameter holds one of the table's constant
/// segments pays the scan; an id never does.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let route = request.route, mayBelongElsewhere(route.path, request) {
            let allowed = AllowedMethods.methods(for: request.url.path, in: request.application.routes)
            if !allowed.contains(request.method) { throw MethodNotAllowed(allowed: allowed) }
        }
        return try await next.respond(to: request)
    }

    /// Whether a parameter of the route took a value that is a constant segment somewhere in the table.
    private func mayBelongElsewhere(_ components: [PathComponent], _ request: Request) -> Bool {
        let constants = request.application.constantSegments
        let segments = request.url.path.split(separator: "/", omittingEmptySubsequences: true)
        for (index, component) in components.enumerated() where index < segments.count {
            if case .parameter = component, constants.contains(String(segments[index])) { return true }
        }
        return false
    }
}
