package cn.chanjiao.identity.organisation;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.Optional;
import java.util.UUID;

interface OrganisationRepository extends JpaRepository<Organisation, UUID>, JpaSpecificationExecutor<Organisation> {

    Optional<Organisation> findByUscc(String uscc);

    Optional<Organisation> findBySchoolCode(String schoolCode);
}
