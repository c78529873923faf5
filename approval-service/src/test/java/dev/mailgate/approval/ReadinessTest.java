package dev.mailgate.approval;

import dev.mailgate.testsupport.ManagementInterfaceContract;
import dev.mailgate.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "mailgate_approval"))
class ReadinessTest extends ManagementInterfaceContract {

  @Override
  protected String readinessCheck() {
    return "Database connections health check";
  }
}
