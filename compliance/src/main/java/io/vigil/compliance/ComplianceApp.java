package io.vigil.compliance;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.compliance.appeals.AppealItems;
import io.vigil.compliance.appeals.AppealOutcomes;
import io.vigil.compliance.http.CompliancePublisher;
import io.vigil.compliance.http.ComplianceRoutes;
import io.vigil.compliance.intake.AppealIntake;
import io.vigil.compliance.intake.NoticeIntake;
import io.vigil.compliance.ncmec.CyberTiplineReportBuilder;
import io.vigil.compliance.ncmec.CyberTiplineValidator;
import io.vigil.compliance.ncmec.NcmecSubmitter;
import io.vigil.compliance.statements.StatementDrafter;
import io.vigil.compliance.tdb.StatementSubmitter;
import io.vigil.runtime.auth.Authenticator;
import io.vigil.runtime.auth.BearerTokens;
import io.vigil.runtime.auth.OidcProvider;
import io.vigil.runtime.auth.PeerCredential;
import io.vigil.runtime.auth.ProxyHeaders;
import io.vigil.runtime.config.ConfigLoader;
import io.vigil.runtime.http.AccessGuard;
import io.vigil.runtime.http.PeerQueries;
import io.vigil.runtime.kafka.KafkaClients;
import io.vigil.runtime.streams.RunningContext;
import io.vigil.runtime.streams.ServiceRunner;
import io.vigil.runtime.streams.StreamsApplication;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.streams.Topology;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The compliance service: statements of reasons for every enforcement action, CyberTipline reports for CSAM
 * confirmations, appeals, notifiers' answers; beside the topology its API (notices, appeals, CyberTipline reviews)
 * and the submitters to the EU Transparency Database and to NCMEC.
 */
public final class ComplianceApp implements StreamsApplication<ComplianceConfig> {

    @Override
    public String name() {
        return "compliance";
    }

    @Override
    public Topology topology(ComplianceConfig config, MeterRegistry registry) {
        return new ComplianceTopology(new StatementDrafter(config.statements()), new CyberTiplineReportBuilder(config.ncmec()),
                new CyberTiplineValidator(xsd(config)), new AppealItems(config.appeals()), new AppealOutcomes(config.appeals()),
                config.notices().redress(), new ComplianceTopology.Memory(Duration.ofDays(config.memory().itemDays()),
                Duration.ofDays(config.memory().statementDays())), registry, Clock.systemUTC()).build();
    }

    @Override
    public List<TopicSpec> topics(ComplianceConfig config) {
        return List.of(Topics.MODERATION_DECISIONS, Topics.ENFORCEMENT_ACTIONS, Topics.NOTICES, Topics.NOTICE_RESPONSES,
                Topics.STATEMENTS_OF_REASONS, Topics.APPEALS, Topics.APPEAL_OUTCOMES, Topics.NCMEC_REPORTS,
                Topics.NCMEC_CONFIRMATIONS, Topics.queue(config.appeals().queue()), Topics.DEAD_LETTERS);
    }

    @Override
    public AutoCloseable startExtras(RunningContext<ComplianceConfig> context) {
        ComplianceConfig config = context.config();
        List<AutoCloseable> started = new ArrayList<>();
        Authenticator authenticator = config.auth().isProxy() ? new ProxyHeaders(config.auth().proxy())
                : new BearerTokens(new OidcProvider(config.auth().oidc()));
        PeerCredential peer = new PeerCredential(config.auth().peerSecret());
        CompliancePublisher publisher = new CompliancePublisher(new KafkaClients(config.kafka()), config.kafka().applicationId() + "-api");
        started.add(publisher);
        context.http().beforeMatched(new AccessGuard(authenticator, peer, ctx -> false));
        new ComplianceRoutes(new NoticeIntake(Clock.systemUTC()), new AppealIntake(Clock.systemUTC()), publisher,
                new PeerQueries(context.streams(), context.advertisedEndpoint(), peer), context.registry(), Clock.systemUTC())
                .register(context.http());
        if (config.transparencyDatabase().enabled()) {
            started.add(StatementSubmitter.start(config.kafka(), config.transparencyDatabase(), context.registry()));
        }
        if (config.ncmec().enabled()) {
            started.add(NcmecSubmitter.start(config.kafka(), config.ncmec(), config.media(), new CyberTiplineValidator(xsd(config)),
                    context.registry()));
        }
        return () -> {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
        };
    }

    private static Optional<Path> xsd(ComplianceConfig config) {
        String file = config.ncmec().xsdFile();
        return file == null || file.isBlank() ? Optional.empty() : Optional.of(Path.of(file));
    }

    /** Runs the compliance service with defaults, an optional YAML file as the first argument, and VIGIL_* variables. */
    public static void main(String[] args) {
        ConfigLoader loader = ConfigLoader.forService("compliance");
        if (args.length > 0) {
            loader.file(Path.of(args[0]));
        }
        ServiceRunner.runUntilShutdown(new ComplianceApp(), loader.load(ComplianceConfig.class));
    }
}
