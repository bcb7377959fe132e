package cn.chanjiao.identity.account;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.UUID;

interface AccountRepository extends JpaRepository<Account, UUID>, JpaSpecificationExecutor<Account> {

    @Query("select count(a) > 0 from Account a where lower(a.username) = lower(?1)")
    boolean existsByUsernameIgnoringCase(String username);

    List<Account> findByOrganisationIdOrderByCreatedAt(UUID organisationId);
}
