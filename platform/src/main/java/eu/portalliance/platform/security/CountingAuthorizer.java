package eu.portalliance.platform.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;
import org.apache.kafka.server.authorizer.Action;
import org.apache.kafka.server.authorizer.AuthorizableRequestContext;
import org.apache.kafka.server.authorizer.AuthorizationResult;

/**
 * Kafka's own KRaft authorizer, deciding exactly as it does, that also counts each refusal it would log (a port
 * writing another port's topic, reading another's alerts, joining another's group) per principal. The counts
 * reach {@code /api/health} and the broker's metrics ({@code kafka.server:type=plugins,…,port=…}, attribute
 * {@code refused-requests-total}), so a port probing where it should not is seen without reading broker logs.
 */
public class CountingAuthorizer extends StandardAuthorizer {
    public static final String METRIC = "refused-requests-total";

    private RefusedAccess refused = RefusedAccess.of("unnamed");
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile PluginMetrics metrics;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        Object id = configs.get(RefusedAccess.BROKER_SETTING);
        if (id != null) {
            refused = RefusedAccess.of(id.toString());
        }
    }

    @Override
    public void withPluginMetrics(PluginMetrics metrics) {
        super.withPluginMetrics(metrics);
        this.metrics = metrics;
    }

    @Override
    public List<AuthorizationResult> authorize(AuthorizableRequestContext context, List<Action> actions) {
        List<AuthorizationResult> results = super.authorize(context, actions);
        for (int i = 0; i < results.size(); i++) {
            Action action = actions.get(i);
            if (results.get(i) == AuthorizationResult.DENIED && action.logIfDenied()) {
                String principal = context.principal().getName();
                String what = action.operation() + " " + action.resourcePattern().resourceType() + ":"
                        + action.resourcePattern().name();
                refused.count(principal, what);
                if (registered.add(principal)) {
                    register(principal);
                }
            }
        }
        return results;
    }

    private void register(String principal) {
        PluginMetrics m = metrics;
        if (m == null) {
            return;
        }
        LinkedHashMap<String, String> tags = new LinkedHashMap<>();
        tags.put("port", RefusedAccess.portOf(principal));
        Measurable total = (config, now) -> refused.total(principal);
        m.addMetric(m.metricName(METRIC, "requests of this principal the broker refused", tags), total);
    }
}
