package org.upright.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.upright.localinfra.LocalInfraTestResource;

/**
 * The dispatchers run their queries on every wake, so each must be planned once. A query whose
 * plan is not found again is planned and cached anew on every run: under load the plan cache fills
 * with entries of one hash, and looking a plan up cost more than the query (bench/run-nudges).
 */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class QueryPlansTest {

    @Inject
    Instance<ChannelDispatcher> dispatchers;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void runningTheDispatchersAgainPlansNoQueryAnew() {
        dispatchAll(2);
        int planned = cachedQueryPlans();

        dispatchAll(10);

        assertEquals(planned, cachedQueryPlans(), "query plans cached after ten more runs of every dispatcher");
    }

    private void dispatchAll(int times) {
        for (int i = 0; i < times; i++) {
            dispatchers.forEach(ChannelDispatcher::dispatchDue);
        }
    }

    private int cachedQueryPlans() {
        return entityManagerFactory.unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache()
                .getNumberOfCachedQueryPlans();
    }
}
