package cn.chanjiao.identity.integration;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface IntegrationClientRepository extends JpaRepository<IntegrationClient, String> {

    List<IntegrationClient> findAllByOrderByProvinceCodeAscClientIdAsc();
}
