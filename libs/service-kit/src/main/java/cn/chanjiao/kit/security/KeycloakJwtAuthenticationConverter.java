package cn.chanjiao.kit.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a Keycloak access token into Spring authorities: each realm role becomes
 * {@code ROLE_<role>} (so {@code hasRole('reviewer')} works), and our scope claims become
 * {@code ORG_<org_id>}, {@code AUTHORITY_<authority_code>} and {@code DEPARTMENT_<department>}.
 */
public class KeycloakJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Caller caller = Caller.of(jwt);
        List<GrantedAuthority> authorities = new ArrayList<>();
        caller.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        caller.organisationId().ifPresent(id -> authorities.add(new SimpleGrantedAuthority("ORG_" + id)));
        caller.authorityCode().ifPresent(code -> authorities.add(new SimpleGrantedAuthority("AUTHORITY_" + code)));
        caller.department().ifPresent(dept -> authorities.add(new SimpleGrantedAuthority("DEPARTMENT_" + dept)));
        return new JwtAuthenticationToken(jwt, authorities, caller.username());
    }
}
