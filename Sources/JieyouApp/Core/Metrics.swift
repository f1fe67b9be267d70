import Metrics
import Prometheus

/// Prometheus metrics. Vapor itself records `http_requests_total` and `http_request_duration_seconds`
/// per route and status through swift-metrics; this bootstraps the backend (once per process: tests
/// build many applications) and exposes the registry for `/metrics`.
enum Metrics {
    static let registry = PrometheusCollectorRegistry()

    private static let bootstrap: Void = {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
        ]
        MetricsSystem.bootstrap(factory)
    }()

    static func bootstrapOnce() { _ = bootstrap }
}
