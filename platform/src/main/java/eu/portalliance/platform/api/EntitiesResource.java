package eu.portalliance.platform.api;

import eu.portalliance.avro.EntityType;
import eu.portalliance.ids.ContainerNumber;
import eu.portalliance.ids.ImoNumber;
import eu.portalliance.topology.query.AllianceQueries;
import eu.portalliance.topology.query.EntityRef;
import eu.portalliance.topology.query.EntitySightings;
import eu.portalliance.topology.sightings.PartyKeys;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/** {@code /api/containers/{id}}, {@code /api/vessels/{imo}}, {@code /api/parties/{key}}: an entity's recent sightings. */
final class EntitiesResource {
    private final AllianceQueries queries;
    private final Peers peers;

    EntitiesResource(AllianceQueries queries, Peers peers) {
        this.queries = queries;
        this.peers = peers;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/containers/{id}", ctx -> show(ctx, new EntityRef(EntityType.CONTAINER,
                Params.identifier(ctx.pathParam("id"), ContainerNumber.problem(ctx.pathParam("id")), "/api/containers/CSQU3054383"))));
        routes.get("/api/vessels/{id}", ctx -> {
            String id = ctx.pathParam("id");
            show(ctx, new EntityRef(EntityType.VESSEL, Params.identifier(ImoNumber.normalise(id), ImoNumber.problem(id), "/api/vessels/9074729")));
        });
        // A party key may hold a slash (NAME:<name>/<country>), so it takes the rest of the path.
        routes.get("/api/parties/<id>", ctx -> show(ctx, new EntityRef(EntityType.PARTY,
                Params.identifier(ctx.pathParam("id"), PartyKeys.problem(ctx.pathParam("id")), "/api/parties/EORI:NL123456789"))));
        for (String kind : new String[] {"containers", "vessels", "parties"}) {
            routes.get("/api/" + kind, ctx -> Params.identifier(null, Optional.empty(), "/api/" + kind + "/…"));
        }
    }

    private void show(Context ctx, EntityRef entity) {
        Optional<HostInfo> owner = Peers.askedForLocalPart(ctx) ? Optional.empty() : queries.ownerOf(entity);
        if (owner.isPresent()) {
            peers.forward(ctx, owner.get());
            return;
        }
        Optional<EntitySightings> sightings = queries.sightings(entity);
        if (sightings.isEmpty()) {
            ctx.status(404).json(AnalystServer.error("no recent sightings of " + entity.type().name().toLowerCase(Locale.ROOT)
                    + " " + entity.id() + " (entities are kept for the correlation window plus grace)"));
        } else {
            ctx.json(sightings.get());
        }
    }
}
