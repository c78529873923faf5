package dev.mailgate.inboxpoller;

import dev.mailgate.testsupport.KafkaTestResource;
import dev.mailgate.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The real broker, this service's database and the sandbox process: one app for every class. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(
    value = PostgresTestResource.class,
    scope = TestResourceScope.MATCHING_RESOURCES,
    initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "mailgate_poller"))
@WithTestResource(value = SandboxResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@interface PollerTestResources {}
