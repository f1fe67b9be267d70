import Fluent
import SQLKit
import Vapor

/// `/healthz` for load balancers (checks the database) and `/metrics` for Prometheus.
struct HealthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz", use: health)
        routes.get("metrics", use: metrics)
    }

    @Sendable func health(req: Request) async throws -> Response {
        do {
            try await DatabaseHealth.check(on: req.db)
            return Response(status: .ok, body: .init(string: "ok\n"))
        } catch {
            req.logger.error("health check failed: \(String(reflecting: error))")
            return Response(status: .serviceUnavailable, body: .init(string: "database unavailable\n"))
        }
    }

    @Sendable func metrics(req: Request) async throws -> Response {
        if let expected = req.appConfiguration.metricsToken {
            let sent = req.headers.bearerAuthorization?.token ?? ""
            guard Tokens.constantTimeEquals(sent, expected) else {
                return Response(status: .unauthorized, body: .init(string: "metrics token required\n"))
            }
        }
        let response = Response(status: .ok, body: .init(string: Metrics.registry.emitToString()))
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return response
    }
}
