package dev.mailgate.outbound;

import dev.mailgate.testsupport.KafkaTestResource;
import dev.mailgate.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The real broker, this service's own database and the sandbox process, shared by every test. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(
    value = PostgresTestResource.class,
    scope = TestResourceScope.MATCHING_RESOURCES,
    initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "mailgate_outbound"))
@WithTestResource(value = SandboxTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@interface OutboundTestResources {}
